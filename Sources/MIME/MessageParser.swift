internal import CGMime
internal import CGMimeShims
import Foundation

/// Reads a message file with GMime into a `ParsedMessage`, writing each attachment's decoded bytes to disk.
///
/// The file is parsed from a seekable stream, so part contents stay on disk until they are decoded;
/// memory does not grow with the size of the attachments.
public enum MessageParser {
    /// The most text read from one text body; longer bodies are cut.
    static let textLimit = 4 << 20

    /// Parses the message in `path`.
    ///
    /// - Parameters:
    ///   - directory: where each attachment is written, as `part-1`, `part-2`, …; it must exist.
    ///   - maxDepth: how deep forwarded messages and nested multiparts are followed.
    public static func parse(file path: String, extractingTo directory: String, maxDepth: Int = 40)
        throws(MIMEError) -> ParsedMessage
    {
        try withMessage(in: path) { message throws(MIMEError) in
            var walker = PartWalker(directory: directory, maxDepth: maxDepth)
            var parsed = envelope(of: message)
            try walker.walk(message: message, depth: 0)
            parsed.attachments = walker.attachments
            parsed.plainText = walker.plainText
            parsed.htmlText = walker.htmlText
            parsed.nestedTooDeep = walker.nestedTooDeep
            return parsed
        }
    }

    /// Only the header fields of the message in `path`, without decoding any part.
    public static func headers(file path: String) throws(MIMEError) -> ParsedMessage {
        try withMessage(in: path) { message in envelope(of: message) }
    }

    /// Parses the file with GMime and hands the message to `body`; everything GMime made is released after.
    private static func withMessage<Result>(
        in path: String, _ body: (UnsafeMutablePointer<GMimeMessage>) throws(MIMEError) -> Result
    ) throws(MIMEError) -> Result {
        GMime.ensureInitialized()
        var error: UnsafeMutablePointer<GError>?
        guard let stream = g_mime_stream_fs_open(path, O_RDONLY, 0, &error) else {
            let detail = error.map { String(cString: $0.pointee.message) } ?? "cannot open"
            g_clear_error(&error)
            throw .unreadable(path: path, detail: detail)
        }
        defer { unref(stream) }
        guard let parser = g_mime_parser_new_with_stream(stream) else {
            throw .unreadable(path: path, detail: "GMime could not create a parser")
        }
        defer { unref(parser) }
        guard let message = g_mime_parser_construct_message(parser, nil) else {
            throw .unreadable(path: path, detail: "it is not a MIME message")
        }
        defer { unref(message) }
        return try body(message)
    }

    /// The header fields of a message.
    static func envelope(of message: UnsafeMutablePointer<GMimeMessage>) -> ParsedMessage {
        var parsed = ParsedMessage()
        parsed.from = addresses(g_mime_message_get_from(message))
        parsed.replyTo = addresses(g_mime_message_get_reply_to(message))
        parsed.to = addresses(g_mime_message_get_to(message))
        parsed.cc = addresses(g_mime_message_get_cc(message))
        parsed.subject = string(g_mime_message_get_subject(message))
        parsed.messageID = string(g_mime_message_get_message_id(message)).flatMap { $0.isEmpty ? nil : $0 }
        if let date = g_mime_message_get_date(message) {
            parsed.date = Date(timeIntervalSince1970: TimeInterval(g_date_time_to_unix(date)))
        }
        let object = upcast(message, to: GMimeObject.self)
        if let list = g_mime_object_get_header_list(object) {
            for index in 0..<g_mime_header_list_get_count(list) {
                guard let header = g_mime_header_list_get_header_at(list, index) else { continue }
                let name = string(g_mime_header_get_name(header)) ?? ""
                let value = string(g_mime_header_get_value(header)) ?? ""
                parsed.headers.append(Header(name: name, value: value))
            }
        }
        parsed.inReplyTo = parsed.header("In-Reply-To").flatMap { messageIDs(in: $0).first }
        parsed.references = parsed.header("References").map(messageIDs(in:)) ?? []
        return parsed
    }

    /// The `<…>` identifiers in a References or In-Reply-To value, without brackets.
    public static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close]
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }

    static func addresses(_ list: UnsafeMutablePointer<InternetAddressList>?) -> [MailAddress] {
        guard let list else { return [] }
        var result: [MailAddress] = []
        for index in 0..<internet_address_list_length(list) {
            guard let address = internet_address_list_get_address(list, index) else { continue }
            if tc_internet_address_is_mailbox(address) != 0 {
                let mailbox = upcast(address, to: InternetAddressMailbox.self)
                guard let addr = string(internet_address_mailbox_get_addr(mailbox)), !addr.isEmpty else { continue }
                result.append(MailAddress(name: string(internet_address_get_name(address)), address: addr))
            } else if tc_internet_address_is_group(address) != 0 {
                let group = upcast(address, to: InternetAddressGroup.self)
                result += addresses(internet_address_group_get_members(group))
            }
        }
        return result
    }
}

/// Walks the MIME tree depth first, collecting bodies and writing attachments.
private struct PartWalker {
    let directory: String
    let maxDepth: Int
    var attachments: [MessagePart] = []
    var plainText: String?
    var htmlText: String?
    /// Parts were left unopened, nested deeper than `maxDepth`.
    var nestedTooDeep = false

    init(directory: String, maxDepth: Int) {
        self.directory = directory
        self.maxDepth = maxDepth
    }

    mutating func walk(message: UnsafeMutablePointer<GMimeMessage>, depth: Int) throws(MIMEError) {
        guard let root = g_mime_message_get_mime_part(message) else { return }
        try walk(object: root, depth: depth)
    }

    mutating func walk(object: UnsafeMutablePointer<GMimeObject>, depth: Int) throws(MIMEError) {
        guard depth <= maxDepth else {
            nestedTooDeep = true
            return
        }
        if tc_gmime_is_multipart(object) != 0 {
            let multipart = upcast(object, to: GMimeMultipart.self)
            for index in 0..<g_mime_multipart_get_count(multipart) {
                if let child = g_mime_multipart_get_part(multipart, index) { try walk(object: child, depth: depth + 1) }
            }
        } else if tc_gmime_is_message_part(object) != 0 {
            // A forwarded message: its attachments count as the sender's.
            if let inner = g_mime_message_part_get_message(upcast(object, to: GMimeMessagePart.self)) {
                try walk(message: inner, depth: depth + 1)
            }
        } else if tc_gmime_is_part(object) != 0 {
            try take(part: upcast(object, to: GMimePart.self), object: object)
        }
    }

    mutating func take(part: UnsafeMutablePointer<GMimePart>, object: UnsafeMutablePointer<GMimeObject>)
        throws(MIMEError)
    {
        let contentType =
            g_mime_object_get_content_type(object).flatMap { takeString(g_mime_content_type_get_mime_type($0)) }?
            .lowercased() ?? "application/octet-stream"
        let fileName = string(g_mime_part_get_filename(part)).flatMap { $0.isEmpty ? nil : $0 }
        let disposition = g_mime_object_get_content_disposition(object)
            .flatMap { string(g_mime_content_disposition_get_disposition($0)) }?.lowercased()
        let isBody = fileName == nil && disposition != "attachment"
        if isBody, tc_gmime_is_text_part(object) != 0, contentType == "text/plain" || contentType == "text/html" {
            let text = takeString(g_mime_text_part_get_text(upcast(part, to: GMimeTextPart.self))) ?? ""
            let cut = String(text.prefix(MessageParser.textLimit))
            if contentType == "text/plain", plainText == nil { plainText = cut }
            if contentType == "text/html", htmlText == nil { htmlText = cut }
            return
        }
        let path = "\(directory)/part-\(attachments.count + 1)"
        let size = try write(part: part, to: path)
        attachments.append(
            MessagePart(
                contentType: contentType, fileName: fileName, path: path, size: size,
                hasPDFSignature: Self.startsWithPDFSignature(path)))
    }

    /// Decodes a part's content (base64, quoted-printable, …) into a new file.
    func write(part: UnsafeMutablePointer<GMimePart>, to path: String) throws(MIMEError) -> Int {
        var error: UnsafeMutablePointer<GError>?
        guard let output = g_mime_stream_fs_open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644, &error) else {
            let detail = error.map { String(cString: $0.pointee.message) } ?? "cannot create"
            g_clear_error(&error)
            throw .cannotWrite(path: path, detail: detail)
        }
        defer { unref(output) }
        guard let content = g_mime_part_get_content(part) else { return 0 }
        let written = g_mime_data_wrapper_write_to_stream(content, output)
        // Not flushed here: the part is scratch until it is filed, and filing flushes it with the rest.
        guard written >= 0 else {
            throw .cannotWrite(path: path, detail: String(cString: strerror(errno)))
        }
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : written
    }

    /// Whether a file begins with the PDF header, as the PDF specification puts it in the first 1024 bytes.
    static func startsWithPDFSignature(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return head.range(of: Data("%PDF-".utf8)) != nil
    }
}
