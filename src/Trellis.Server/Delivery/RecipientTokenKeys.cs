using System.Security.Cryptography;
using System.Text.Json;
using Trellis.Channels.Tokens;

namespace Trellis.Server.Delivery;

/// <summary>
/// Where the keys that sign recipient tokens come from. Configured keys (<c>Trellis:Tokens:CurrentKeyId</c> and
/// <c>Trellis:Tokens:Keys:{id}</c>, base64 of at least 32 bytes) win. Otherwise one key is generated on first
/// start and kept in a key file (<c>Trellis:Tokens:KeyFile</c>, by default <c>recipient-token-keys.json</c> beside
/// the SQLite database), readable by the owner only, so links in messages keep working across restarts. The file
/// has the same shape as the configuration section, so rotating is adding a key and changing the current id.
/// Several processes on one PostgreSQL must share keys: configure them (or point KeyFile at shared storage).
/// </summary>
public static class RecipientTokenKeys
{
    public const string FileName = "recipient-token-keys.json";

    public static SigningKeyRing Load(TokenOptions configured, string keyFile)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (configured.Keys.Count > 0)
        {
            return WithCurrent(configured).ToKeyRing();
        }

        return WithCurrent(ReadOrCreate(keyFile)).ToKeyRing();
    }

    /// <summary>A single configured key is current even when CurrentKeyId was left out.</summary>
    private static TokenOptions WithCurrent(TokenOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CurrentKeyId) && options.Keys.Count == 1)
        {
            options.CurrentKeyId = options.Keys.Keys.Single();
        }

        return options;
    }

    private static TokenOptions ReadOrCreate(string keyFile)
    {
        if (File.Exists(keyFile))
        {
            return Read(keyFile);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var generated = new TokenOptions { CurrentKeyId = $"k{DateTime.UtcNow:yyyyMMdd}" };
        generated.Keys[generated.CurrentKeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var temporary = $"{keyFile}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(generated, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            // Another process created it first: its key is the one every link must use.
            File.Delete(temporary);
        }

        return Read(keyFile);
    }

    private static TokenOptions Read(string keyFile) =>
        JsonSerializer.Deserialize<TokenOptions>(File.ReadAllText(keyFile))
        ?? throw new InvalidOperationException($"{keyFile} does not hold recipient token keys");
}
