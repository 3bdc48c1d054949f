using System.Collections.Concurrent;
using NodaTime;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed logins from one address within
/// <see cref="Window"/>, that address is refused until the window ends. Secret keys cannot be guessed, but a
/// configured password can be weak.
/// </summary>
public sealed class LoginThrottle(IClock clock)
{
    public const int MaxFailures = 10;
    public static readonly Duration Window = Duration.FromMinutes(5);
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, Instant Since)> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string address) =>
        _failures.TryGetValue(address, out var entry) && entry.Failures >= MaxFailures && clock.GetCurrentInstant() - entry.Since < Window;

    public void Failed(string address)
    {
        var now = clock.GetCurrentInstant();
        if (_failures.Count >= MaxTracked)
        {
            // Bounded memory under a spray of addresses: forgetting is safer than growing without end.
            _failures.Clear();
        }

        _failures.AddOrUpdate(address, _ => (1, now), (_, e) => now - e.Since >= Window ? (1, now) : (e.Failures + 1, e.Since));
    }

    public void Succeeded(string address) => _failures.TryRemove(address, out _);
}
