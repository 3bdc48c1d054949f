namespace Trellis.Channels.Tests.Support;

/// <summary>The SMTP tests share one sink process.</summary>
[CollectionDefinition(Name)]
public sealed class SmtpCollection : ICollectionFixture<SmtpSink>
{
    public const string Name = "smtp";
}
