import Archive
import Foundation
import TestSupport
import Testing

/// The archive's site, opened in a real headless Chromium: every link on every page goes to a file that
/// exists, and what senders wrote (scripts, direction marks, `../`) shows as text, never as markup.
@Suite(.serialized) struct ArchiveSiteTests {
    @Test func everyPageOpensInABrowserEveryLinkResolvesAndSendersTextIsOnlyText() throws {
        let (lab, service, record) = try ServiceFixture.reviewed()
        // A sender who tries everything: markup in the subject and file name, a direction override, `../`.
        let hostileName = "<script>document.body.dataset.pwned=1</script> \u{202E}fdp.exe ../../etc.pdf"
        try lab.send(
            TestMessage.submission(
                fileName: hostileName, pdf: ServiceFixture.ljmuForm,
                from: "\u{202E}Eve <eve@elsewhere.test>",
                subject: "<img src=x onerror=\"document.body.dataset.pwned=2\">"),
            from: "eve@elsewhere.test")
        try lab.send(
            TestMessage.make(from: "jordan@elsewhere.test", subject: "No form <b>here</b>"),
            from: "jordan@elsewhere.test")
        try lab.waitForInbox(count: 2)
        try service.runOnce()
        let indexed = try service.tcreview(["index"])
        #expect(indexed.status == 0, "\(indexed.stderr)")

        let browser = try HeadlessBrowser()
        var pages = ["index.html"]
        var visited: Set<String> = []
        while let page = pages.popLast() {
            guard visited.insert(page).inserted else { continue }
            let dom = try browser.dom(of: "\(service.archive)/\(page)")
            #expect(!dom.contains("data-pwned"), "\(page): a sender's script ran")
            #expect(!dom.lowercased().contains("<img"), "\(page): a sender's markup became an element")
            #expect(dom.components(separatedBy: "<script").count <= 2, "\(page): only the page's own script")
            let folder = (page as NSString).deletingLastPathComponent
            for link in SiteLinks.links(dom) where !link.hasPrefix("#") {
                #expect(!link.contains("://") && !link.hasPrefix("/"), "\(page): not relative: \(link)")
                let target = SiteLinks.resolve(link, from: folder)
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: "\(service.archive)/\(target)", isDirectory: &isDirectory)
                #expect(exists && !isDirectory.boolValue, "\(page) links to \(link), which is not a file")
                if exists, target.hasSuffix(".html") { pages.append(target) }
            }
        }
        // The index, a page per window, per submission and per institution folder, and the quarantine's.
        let records = try service.records()
        let tops = Set(
            records.map { service.folder(of: $0).dropFirst(service.archive.count + 1).split(separator: "/")[0] })
        let windows = Set(records.map { SubmissionWindow(containing: $0.year, month: $0.month).description })
        #expect(
            records.count == 2 && visited.count == 1 + windows.count + records.count + tops.count + 1,
            "\(visited.sorted())")
        #expect(visited.contains("\(ArchiveLayout.quarantineFolder)/index.html"))

        let submission = try browser.dom(of: "\(service.folder(of: record))/index.html")
        #expect(submission.contains("Scores side by side") && submission.contains("<svg"), "scores and the chart")
        #expect(submission.contains("ben@reviewers.test") && submission.contains("Timeline"))
        let hostile = try #require(try service.records().first { $0.reference != record.reference })
        let page = try browser.dom(of: "\(service.folder(of: hostile))/index.html")
        #expect(page.contains("&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt;"), "the name shows as text")
        #expect(page.contains("&lt;img src=x"), "the subject shows as text")
        withExtendedLifetime(lab) {}
    }
}
