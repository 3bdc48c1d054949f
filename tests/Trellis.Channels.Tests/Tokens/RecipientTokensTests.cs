using System.Buffers.Text;
using System.Text;
using Trellis.Channels.Tests.Support;
using Trellis.Channels.Tokens;

namespace Trellis.Channels.Tests.Tokens;

/// <summary>Signed recipient tokens: genuine ones pass; forged, tampered, misused and expired ones are refused with a reason.</summary>
public sealed class RecipientTokensTests
{
    private static readonly SigningKey K1 = new("k1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly SigningKey K2 = new("k2", Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private readonly ManualTimeProvider clock = new();

    private RecipientTokens Tokens(string current = "k1", params SigningKey[] keys) =>
        new(new SigningKeyRing(keys.Length == 0 ? [K1, K2] : keys, current), clock);

    [Fact]
    public void A_genuine_token_verifies_and_carries_its_claims()
    {
        var tokens = Tokens();
        var token = tokens.Issue(TokenPurpose.Unsubscribe, "ws1", "person/42", TimeSpan.FromDays(30), reference: "ws1/person%2F42/i1/welcome");

        var result = tokens.Verify(token, TokenPurpose.Unsubscribe);

        Assert.True(result.IsValid);
        Assert.Equal(new TokenClaims("k1", TokenPurpose.Unsubscribe, "ws1", "person/42", null, "ws1/person%2F42/i1/welcome", clock.GetUtcNow().AddDays(30)), result.Claims);
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token); // URL-safe as it is
    }

    [Fact]
    public void A_click_token_carries_the_destination_url_that_was_in_the_message()
    {
        var tokens = Tokens();
        const string url = "https://acme.example.test/pricing?plan=pro&utm_source=email#compare";
        var token = tokens.Issue(TokenPurpose.Click, "ws1", "p1", TimeSpan.FromDays(1), url, "send-1");

        Assert.Equal(url, tokens.Verify(token, TokenPurpose.Click).Claims!.Extra);
    }

    [Fact]
    public void Changing_any_single_character_of_a_token_makes_it_invalid()
    {
        var tokens = Tokens();
        var token = tokens.Issue(TokenPurpose.Click, "ws1", "p1", TimeSpan.FromDays(1), "https://acme.example.test/a");
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

        for (var i = 0; i < token.Length; i++)
        {
            var replacement = alphabet[(alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % alphabet.Length];
            var tampered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));

            Assert.False(tokens.Verify(tampered, TokenPurpose.Click).IsValid, $"tampered at {i}: {tampered}");
        }
    }

    [Fact]
    public void A_payload_rewritten_to_another_url_or_person_without_the_key_is_a_bad_signature()
    {
        var tokens = Tokens();
        var token = tokens.Issue(TokenPurpose.Click, "ws1", "p1", TimeSpan.FromDays(1), "https://acme.example.test/a");
        var signature = token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var forgedPayload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal))))
            .Replace("https://acme.example.test/a", "https://phish.example.test/", StringComparison.Ordinal);
        var forged = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(forgedPayload))}.{signature}";

        Assert.Equal(TokenRefusal.BadSignature, tokens.Verify(forged, TokenPurpose.Click).Refusal);
    }

    [Fact]
    public void A_token_signed_with_a_guessed_key_under_our_key_id_is_a_bad_signature()
    {
        var impostorKey = new SigningKey("k1", new byte[32]);
        var forged = new RecipientTokens(new SigningKeyRing([impostorKey], "k1"), clock)
            .Issue(TokenPurpose.Unsubscribe, "ws1", "p1", TimeSpan.FromDays(1));

        Assert.Equal(TokenRefusal.BadSignature, Tokens().Verify(forged, TokenPurpose.Unsubscribe).Refusal);
    }

    [Fact]
    public void A_genuine_token_used_for_another_purpose_is_refused()
    {
        var tokens = Tokens();
        var openToken = tokens.Issue(TokenPurpose.Open, "ws1", "p1", TimeSpan.FromDays(1));

        Assert.Equal(TokenRefusal.WrongPurpose, tokens.Verify(openToken, TokenPurpose.Unsubscribe).Refusal);
    }

    [Fact]
    public void A_token_expires_at_its_expiry()
    {
        var tokens = Tokens();
        var token = tokens.Issue(TokenPurpose.Preferences, "ws1", "p1", TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(tokens.Verify(token, TokenPurpose.Preferences).IsValid);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TokenRefusal.Expired, tokens.Verify(token, TokenPurpose.Preferences).Refusal);
    }

    [Fact]
    public void After_rotation_old_tokens_verify_while_their_key_is_kept_and_are_refused_once_it_is_dropped()
    {
        var before = Tokens("k1").Issue(TokenPurpose.Unsubscribe, "ws1", "p1", TimeSpan.FromDays(30));

        var rotated = Tokens("k2", K1, K2);
        var after = rotated.Issue(TokenPurpose.Unsubscribe, "ws1", "p1", TimeSpan.FromDays(30));
        Assert.Equal("k1", rotated.Verify(before, TokenPurpose.Unsubscribe).Claims!.KeyId);
        Assert.Equal("k2", rotated.Verify(after, TokenPurpose.Unsubscribe).Claims!.KeyId);

        var retired = Tokens("k2", K2);
        Assert.Equal(TokenRefusal.UnknownKey, retired.Verify(before, TokenPurpose.Unsubscribe).Refusal);
        Assert.True(retired.Verify(after, TokenPurpose.Unsubscribe).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData(".abc")]
    [InlineData("abc.")]
    [InlineData("!!!.???")]
    [InlineData("W10.AAAA")] // "[]": valid base64url, not our payload
    public void Malformed_tokens_are_refused_as_malformed(string? token) =>
        Assert.Equal(TokenRefusal.Malformed, Tokens().Verify(token, TokenPurpose.Unsubscribe).Refusal);

    [Fact]
    public void An_oversized_token_is_refused_before_decoding()
    {
        var huge = new string('A', 10_000) + ".AAAA";

        Assert.Equal(TokenRefusal.Malformed, Tokens().Verify(huge, TokenPurpose.Click).Refusal);
    }

    [Fact]
    public void Keys_come_from_configuration_as_base64_and_short_keys_are_rejected()
    {
        var options = new TokenOptions
        {
            CurrentKeyId = "2026-03",
            Keys = { ["2026-03"] = Convert.ToBase64String(new byte[32]), ["2026-01"] = Convert.ToBase64String(new byte[48]) },
        };

        Assert.Equal("2026-03", options.ToKeyRing().Current.Id);
        Assert.Throws<ArgumentException>(() => new SigningKey("short", new byte[16]));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing([K1], "missing"));
    }
}
