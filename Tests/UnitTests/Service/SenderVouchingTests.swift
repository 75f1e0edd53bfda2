import Testing

@testable import Service

/// A receiving server vouches for a From only with DMARC, or DKIM signed by the From's own domain.
@Suite struct SenderVouchingTests {
    @Test(arguments: [
        ("mx.lab.test; dmarc=pass header.from=uni.ac.uk", true),
        ("mx.lab.test; dkim=pass header.d=uni.ac.uk; dmarc=none", true),
        ("mx.lab.test; dkim=pass header.i=@uni.ac.uk", true),
        ("mx.lab.test; dkim=pass header.d=evil.example; dmarc=fail", false),
        ("mx.lab.test; dkim=fail header.d=uni.ac.uk", false),
        ("mx.lab.test; spf=pass smtp.mailfrom=uni.ac.uk", false),
        ("mx.lab.test; dkim=pass header.d=evil.example (uni.ac.uk)", false),
    ])
    func onlyAPassForTheFromDomainVouches(value: String, vouched: Bool) {
        #expect(SenderVouching.vouches(value, for: "uni.ac.uk") == vouched)
    }
}
