/// Plain text out of a reply: the reviewer's own words, and text from an HTML-only message.
public enum ReplyText {
    /// Drops lines starting `>`, attributions ("On … wrote:", also wrapped over two lines) and everything from
    /// Outlook's "-----Original Message-----", its "From: / Sent: / To: / Subject:" block or its line of
    /// underscores; keeps what is above (top posting) and text between quote blocks (inline answers).
    public static func withoutQuotedText(_ text: String) -> String {
        ReplyLines(text).ownText
    }

    /// Text of an HTML body: tags dropped, `<br>`, `<p>`, `<div>`, `<tr>`, `<li>` and other blocks as line
    /// breaks, entities decoded, and the content of `<blockquote>`, `<style>`, `<script>` and `<head>` dropped.
    public static func fromHTML(_ html: String) -> String {
        HTMLText(html).text
    }
}
