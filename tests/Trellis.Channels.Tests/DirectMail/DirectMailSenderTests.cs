using Trellis.Channels.DirectMail;
using Trellis.Channels.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.DirectMail;

/// <summary>Direct mail: one CSV batch per UTC day, properly quoted, one line per logical send.</summary>
public sealed class DirectMailSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"trellis-dm-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private DirectMailSender Sender() => new(new DirectMailOptions { Folder = folder }, clock);

    private static OutboundMessage Letter(string person, string address, string body) =>
        Messages.Create(Channel.DirectMail, address, (MessageParts.Body, body)) with { PersonId = person };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("", "")]
    public void Fields_are_quoted_only_when_needed_and_quotes_are_doubled(string value, string expected) =>
        Assert.Equal(expected, CsvFormat.Field(value));

    [Fact]
    public void Records_read_back_to_what_was_written()
    {
        var fields = new[] { "p1", "Ada Lovelace\n12 St James's Sq, London", "Dear \"Ada\",\r\nthanks!", "", "x,y" };

        var parsed = CsvFormat.Parse(CsvFormat.Record(fields) + CsvFormat.Record("a", "b"));

        Assert.Equal([fields, ["a", "b"]], parsed);
    }

    [Fact]
    public async Task Letters_go_to_the_batch_of_their_utc_day_with_a_header()
    {
        var sender = Sender();
        var first = Letter("p1", "Ada Lovelace\n12 St James's Square\nLondon SW1Y 4JH", "Dear Ada,\nyour renewal is due, \"soon\".");

        var delivered = Assert.IsType<Delivered>(await sender.SendAsync(first, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2)); // past midnight UTC
        Assert.IsType<Delivered>(await sender.SendAsync(Letter("p2", "Grace Hopper\nArlington, VA", "Hi Grace"), CancellationToken.None));

        Assert.StartsWith("direct-mail-2026-03-02.csv#", delivered.ProviderMessageId);
        var day1 = CsvFormat.Parse(File.ReadAllText(Path.Combine(folder, "direct-mail-2026-03-02.csv")));
        var day2 = CsvFormat.Parse(File.ReadAllText(Path.Combine(folder, "direct-mail-2026-03-03.csv")));
        Assert.Equal(DirectMailSender.Columns, day1[0]);
        Assert.Equal(["p1", first.Address!, first.Part(MessageParts.Body)!, "ws1", first.IdempotencyKey.Value], day1[1]);
        Assert.Equal(2, day1.Count);
        Assert.Equal("p2", day2[1][0]);
    }

    [Fact]
    public async Task A_retried_send_is_written_once_even_by_a_fresh_sender()
    {
        var letter = Letter("p1", "Ada\nLondon", "Dear Ada");

        await Sender().SendAsync(letter, CancellationToken.None);
        await Sender().SendAsync(letter, CancellationToken.None); // e.g. after a restart

        var rows = CsvFormat.Parse(File.ReadAllText(Path.Combine(folder, DirectMailSender.FileNameFor(clock.GetUtcNow()))));
        Assert.Equal(2, rows.Count); // header + one letter
    }

    [Fact]
    public async Task A_letter_without_an_address_is_an_invalid_address()
    {
        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(Letter("p1", " ", "Dear Ada"), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.False(Directory.Exists(folder));
    }
}
