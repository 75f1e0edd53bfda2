import Configuration
import Foundation
import MIME
import Service

/// What intake works with: the service's context, and the institution matcher and PDF reader that only
/// intake needs. The service's parts are reached as if they were intake's own (`context.outbox`).
@dynamicMemberLookup
public struct IntakeContext: Sendable {
    public var service: ServiceContext
    public var matcher: InstitutionMatcher
    public var inspector: PDFInspector

    public init(service: ServiceContext, inspector: PDFInspector) {
        self.service = service
        self.matcher = InstitutionMatcher(institutions: service.settings.institutions)
        self.inspector = inspector
    }

    public init(settings: Settings, inspector: PDFInspector, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.init(service: ServiceContext(settings: settings, clock: clock), inspector: inspector)
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<ServiceContext, Value>) -> Value {
        get { service[keyPath: keyPath] }
        set { service[keyPath: keyPath] = newValue }
    }

    /// Queues an email in the outbox (`ServiceContext.enqueue`).
    public func enqueue(_ message: OutgoingMessage, id: String, reference: String) throws {
        try service.enqueue(message, id: id, reference: reference)
    }
}
