internal import CGMime
internal import CGMimeShims
import Foundation

/// Turns an `OutgoingMessage` into the bytes of an RFC 5322 message with GMime, CRLF line endings throughout.
///
/// GMime encodes non-ASCII names and subjects (RFC 2047) and bodies (quoted-printable). Before any
/// value reaches GMime, control characters are removed from names and subjects, and addresses or
/// message IDs with anything but plain printable characters are refused, so sender-controlled text
/// cannot add a header line.
public enum MessageComposer {
    public static func compose(_ outgoing: OutgoingMessage) throws(MIMEError) -> Data {
        GMime.ensureInitialized()
        for address in [outgoing.from] + outgoing.to + outgoing.cc where !isSafeAddress(address.address) {
            throw .unsafeAddress(address.address)
        }
        for id in [outgoing.messageID] + outgoing.references + [outgoing.inReplyTo].compactMap({ $0 })
        where !isSafeToken(id) {
            throw .unsafeHeader(name: "Message-ID")
        }

        guard let message = g_mime_message_new(1) else { throw .cannotWrite(path: "message", detail: "GMime failed") }
        defer { unref(message) }
        let object = upcast(message, to: GMimeObject.self)
        g_mime_message_add_mailbox(
            message, GMIME_ADDRESS_TYPE_FROM, outgoing.from.name.map(singleLine), outgoing.from.address)
        for address in outgoing.to {
            g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, address.name.map(singleLine), address.address)
        }
        for address in outgoing.cc {
            g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_CC, address.name.map(singleLine), address.address)
        }
        g_mime_message_set_subject(message, singleLine(outgoing.subject), "utf-8")
        g_mime_message_set_message_id(message, outgoing.messageID)
        let date = g_date_time_new_from_unix_utc(gint64(outgoing.date.timeIntervalSince1970))
        g_mime_message_set_date(message, date)
        g_date_time_unref(date)
        if let inReplyTo = outgoing.inReplyTo {
            g_mime_object_set_header(object, "In-Reply-To", "<\(inReplyTo)>", nil)
        }
        if !outgoing.references.isEmpty {
            g_mime_object_set_header(
                object, "References", outgoing.references.map { "<\($0)>" }.joined(separator: " "), nil)
        }
        g_mime_object_set_header(object, "Auto-Submitted", singleLine(outgoing.autoSubmitted), nil)

        guard let text = g_mime_text_part_new_with_subtype("plain") else {
            throw .cannotWrite(path: "message", detail: "GMime failed")
        }
        defer { unref(text) }
        g_mime_text_part_set_text(text, normalizedBody(outgoing.body))
        g_mime_object_encode(upcast(text, to: GMimeObject.self), GMIME_ENCODING_CONSTRAINT_7BIT)

        if outgoing.attachments.isEmpty {
            g_mime_message_set_mime_part(message, upcast(text, to: GMimeObject.self))
        } else {
            guard let mixed = g_mime_multipart_new_with_subtype("mixed") else {
                throw .cannotWrite(path: "message", detail: "GMime failed")
            }
            defer { unref(mixed) }
            g_mime_multipart_add(mixed, upcast(text, to: GMimeObject.self))
            for attachment in outgoing.attachments {
                let part = try attachmentPart(attachment)
                g_mime_multipart_add(mixed, upcast(part, to: GMimeObject.self))
                unref(part)
            }
            g_mime_message_set_mime_part(message, upcast(mixed, to: GMimeObject.self))
        }
        return try serialize(object)
    }

    private static func attachmentPart(_ attachment: OutgoingMessage.Attachment) throws(MIMEError)
        -> UnsafeMutablePointer<GMimePart>
    {
        let kinds = attachment.contentType.split(separator: "/").map(String.init)
        var error: UnsafeMutablePointer<GError>?
        guard let stream = g_mime_stream_fs_open(attachment.path, O_RDONLY, 0, &error) else {
            let detail = error.map { String(cString: $0.pointee.message) } ?? "cannot open"
            g_clear_error(&error)
            throw .unreadable(path: attachment.path, detail: detail)
        }
        defer { unref(stream) }
        guard kinds.count == 2, let part = g_mime_part_new_with_type(kinds[0], kinds[1]),
            let content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT)
        else { throw .cannotWrite(path: attachment.path, detail: "GMime could not make an attachment part") }
        defer { unref(content) }
        g_mime_part_set_content(part, content)
        g_mime_part_set_filename(part, singleLine(attachment.fileName))
        g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64)
        return part
    }

    private static func serialize(_ object: UnsafeMutablePointer<GMimeObject>) throws(MIMEError) -> Data {
        guard let options = g_mime_format_options_new() else {
            throw .cannotWrite(path: "message", detail: "GMime failed")
        }
        defer { g_mime_format_options_free(options) }
        g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS)
        guard let stream = g_mime_stream_mem_new() else { throw .cannotWrite(path: "message", detail: "GMime failed") }
        defer { unref(stream) }
        guard g_mime_object_write_to_stream(object, options, stream) >= 0,
            let array = g_mime_stream_mem_get_byte_array(upcast(stream, to: GMimeStreamMem.self))
        else { throw .cannotWrite(path: "message", detail: "GMime could not write the message") }
        return withCRLF(Data(bytes: array.pointee.data, count: Int(array.pointee.len)))
    }

    /// Every line ending as CRLF, whatever mix came in.
    static func withCRLF(_ data: Data) -> Data {
        var out = Data(capacity: data.count + data.count / 40)
        var previous: UInt8 = 0
        for byte in data {
            if byte == 0x0A && previous != 0x0D { out.append(0x0D) }
            out.append(byte)
            previous = byte
        }
        return out
    }

    /// Text for a one-line header: control characters (CR, LF, tab, NUL, …) become spaces.
    static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The body with LF line endings (GMime writes them as CRLF) and no stray CR or NUL.
    static func normalizedBody(_ body: String) -> String {
        body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\0", with: "")
    }

    /// The adapter's last guard: a mailbox with nothing that could end a header line or start another
    /// address. What the service accepts as an address at all is `Configuration.EmailAddress`.
    static func isSafeAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@"), at != address.startIndex,
            address.index(after: at) != address.endIndex
        else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value)
                && !"<>()[]\\,;:\"".unicodeScalars.contains(scalar)
        }
    }

    public static func isSafeToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 998
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
    }
}
