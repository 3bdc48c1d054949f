using NodaTime;
using Trellis.Channels.Tokens;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Delivery;

namespace Trellis.Delivery.Tests.Units;

/// <summary>The small pieces the dispatcher and the endpoints rely on.</summary>
public sealed class DeliveryPartsTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Theory]
    [InlineData(1, null, 30)]
    [InlineData(2, null, 60)]
    [InlineData(4, null, 240)]
    [InlineData(20, null, 3600)]
    [InlineData(1, 90, 90)]
    [InlineData(3, 10, 120)]
    public void Retries_back_off_exponentially_up_to_the_cap_and_never_before_Retry_After(int attempts, int? retryAfterSeconds, int expectedSeconds)
    {
        var retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        var next = RetrySchedule.Next(Now, attempts, retryAfter, new DeliveryOptions());

        Assert.Equal(Now + Duration.FromSeconds(expectedSeconds), next);
    }

    [Theory]
    [InlineData("news#1/news-email", "news", 1, "news-email")]
    [InlineData("cart-recovery#12/last-call", "cart-recovery", 12, "last-call")]
    public void A_send_reference_reads_back_what_the_composer_signs(string text, string journey, int instance, string step)
    {
        Assert.True(SendReference.TryParse(text, out var reference));
        Assert.Equal(new SendReference(journey, instance, step), reference);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("news")]
    [InlineData("#1/step")]
    [InlineData("news#x/step")]
    [InlineData("news#1/")]
    [InlineData("news#-1/step")]
    public void Anything_else_is_not_a_send_reference(string? text) => Assert.False(SendReference.TryParse(text, out _));

    [Fact]
    public void A_generated_token_key_is_stored_once_readable_by_the_owner_only_and_reused()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "data", RecipientTokenKeys.FileName);

        var first = RecipientTokenKeys.Load(new TokenOptions(), file);
        var second = RecipientTokenKeys.Load(new TokenOptions(), file);

        var token = new RecipientTokens(first, TimeProvider.System).Issue(TokenPurpose.Unsubscribe, "default", "ada", TimeSpan.FromDays(1));
        Assert.True(new RecipientTokens(second, TimeProvider.System).Verify(token, TokenPurpose.Unsubscribe).IsValid);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Configured_token_keys_win_over_the_key_file()
    {
        using var folder = new TempFolder();
        var configured = new TokenOptions { Keys = { ["k1"] = Convert.ToBase64String(new byte[32]) } };

        var ring = RecipientTokenKeys.Load(configured, Path.Combine(folder.Path, RecipientTokenKeys.FileName));

        Assert.Equal("k1", ring.Current.Id);
        Assert.False(File.Exists(Path.Combine(folder.Path, RecipientTokenKeys.FileName)));
    }

    [Theory]
    [InlineData(null, "https://127.0.0.1:6001/", "https://127.0.0.1:6001")]
    [InlineData(null, "http://[::]:5080", "http://127.0.0.1:5080")]
    [InlineData("https://trellis.acme.example/", "https://127.0.0.1:6001", "https://trellis.acme.example")]
    public void The_public_url_follows_the_server_unless_configured(string? configured, string listening, string expected)
    {
        var url = new PublicBaseUrl(configured);
        url.Adopt(listening);
        Assert.Equal(expected, url.Value);
        Assert.Equal(expected + "/hooks/twilio", url.Of("/hooks/twilio"));
    }
}
