using System.Net;
using Trellis.Channels.Network;

namespace Trellis.Channels.Tests.Support;

/// <summary>DNS played by the test: answers in turn (the last answer repeats) and counts the questions.</summary>
public sealed class ScriptedResolver(params IPAddress[][] answers) : IHostResolver
{
    private int calls;

    public int Calls => calls;

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref calls);
        return Task.FromResult(answers[Math.Min(n, answers.Length) - 1]);
    }
}
