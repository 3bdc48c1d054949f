using Trellis.Server.Delivery.Feedback;

namespace Trellis.Delivery.Tests.Units;

/// <summary>The default rule for SigningCertURLs: https to an SNS regional host, a .pem path, nothing else.</summary>
public sealed class SnsCertificateOriginTests
{
    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem")]
    [InlineData("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-x.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem")]
    [InlineData("https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-x.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-x.pem")]
    public void Amazon_sns_certificate_urls_are_allowed(string url) => Assert.Null(SnsCertificateOrigin.Amazon.Refuse(url));

    [Theory]
    [InlineData("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem", "must be https")]
    [InlineData("ftp://sns.us-east-1.amazonaws.com/SimpleNotificationService-x.pem", "must be https")]
    [InlineData("https://sns.us-east-1.amazonaws.com.attacker.test/x.pem", "not an Amazon SNS host")]
    [InlineData("https://attacker.test/sns.us-east-1.amazonaws.com/x.pem", "not an Amazon SNS host")]
    [InlineData("https://evilamazonaws.com/x.pem", "not an Amazon SNS host")]
    [InlineData("https://s3.amazonaws.com/bucket/x.pem", "not an Amazon SNS host")]
    [InlineData("https://attacker.s3.us-east-1.amazonaws.com/x.pem", "not an Amazon SNS host")]
    [InlineData("https://sns.amazonaws.com/x.pem", "not an Amazon SNS host")]
    [InlineData("https://sns.us-east-1.amazonaws.com./x.pem", "not an Amazon SNS host")]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/x.pem", "not an Amazon SNS host")]
    [InlineData("https://127.0.0.1/x.pem", "not an Amazon SNS host")]
    [InlineData("https://user:pass@sns.us-east-1.amazonaws.com/x.pem", "must not carry")]
    [InlineData("https://attacker.test\\@sns.us-east-1.amazonaws.com/x.pem", "not an absolute URL")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.pem?redirect=https://attacker.test/", "must not carry")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.pem#frag", "must not carry")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.html", "does not name a .pem certificate")]
    [InlineData("/SimpleNotificationService-x.pem", "must be https")] // a file: URL on Unix
    [InlineData("", "not an absolute URL")]
    public void Anything_else_is_refused_before_a_fetch(string url, string says)
    {
        var refusal = SnsCertificateOrigin.Amazon.Refuse(url);

        Assert.NotNull(refusal);
        Assert.Contains(says, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_origin_still_requires_https_and_its_exact_host_and_port()
    {
        var origin = SnsCertificateOrigin.Only("127.0.0.1", 4443);

        Assert.Null(origin.Refuse("https://127.0.0.1:4443/c.pem"));
        Assert.NotNull(origin.Refuse("http://127.0.0.1:4443/c.pem"));
        Assert.NotNull(origin.Refuse("https://127.0.0.1:4444/c.pem"));
        Assert.NotNull(origin.Refuse("https://localhost:4443/c.pem"));
        Assert.NotNull(origin.Refuse("https://sns.us-east-1.amazonaws.com/c.pem"));
    }
}
