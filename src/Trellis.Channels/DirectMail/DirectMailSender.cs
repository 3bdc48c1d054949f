using System.Globalization;
using System.Text;
using Trellis.Core.Journeys;

namespace Trellis.Channels.DirectMail;

/// <summary>
/// The direct_mail channel: appends each letter to the batch file of its UTC day
/// (<c>direct-mail-yyyy-MM-dd.csv</c>: person_id, address, body, workspace, send_id). A letter whose
/// send id is already in that day's batch is not appended again, so a retried send prints once.
/// </summary>
public sealed class DirectMailSender(DirectMailOptions options, TimeProvider time) : IChannelSender
{
    public static readonly string[] Columns = ["person_id", "address", "body", "workspace", "send_id"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, HashSet<string>> sendIdsByFile = new(StringComparer.Ordinal);

    public static string FileNameFor(DateTimeOffset at) =>
        $"direct-mail-{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.DirectMail)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the direct mail sender cannot send {message.Channel.Name()}");
        }

        if (string.IsNullOrWhiteSpace(message.Address))
        {
            return new DeliveryFailed(FailureReason.InvalidAddress, "a letter needs a postal address");
        }

        var body = message.Part(MessageParts.Body);
        if (body is null)
        {
            return new DeliveryFailed(FailureReason.InvalidContent, "a letter needs a body");
        }

        var fileName = FileNameFor(time.GetUtcNow());
        var path = Path.Combine(options.Folder, fileName);
        var sendId = message.IdempotencyKey.Value;
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var written = await SendIdsInAsync(path, ct).ConfigureAwait(false);
            if (written.Add(sendId))
            {
                await AppendAsync(path, CsvFormat.Record(message.PersonId, message.Address, body, message.Workspace, sendId), ct).ConfigureAwait(false);
            }

            return new Delivered($"{fileName}#{sendId}");
        }
        catch (IOException e)
        {
            return new DeliveryFailed(FailureReason.Unexpected, $"could not write {fileName}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"could not write {fileName}: {e.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<HashSet<string>> SendIdsInAsync(string path, CancellationToken ct)
    {
        if (sendIdsByFile.TryGetValue(path, out var known))
        {
            return known;
        }

        known = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            var text = await File.ReadAllTextAsync(path, Encoding.UTF8, ct).ConfigureAwait(false);
            foreach (var record in CsvFormat.Parse(text).Skip(1))
            {
                if (record.Length == Columns.Length)
                {
                    known.Add(record[^1]);
                }
            }
        }

        // Only today's file gets new lines; forget older days so the cache does not grow forever.
        sendIdsByFile.Clear();
        sendIdsByFile[path] = known;
        return known;
    }

    private static async Task AppendAsync(string path, string record, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var text = stream.Length == 0 ? CsvFormat.Record(Columns) + record : record;
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }
}
