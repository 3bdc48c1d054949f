namespace Trellis.Bench.Server;

/// <summary>
/// Bulk-writes person rows straight into the bench database (one transaction / one COPY): going through
/// ingestion and the engine would take longer than the minute being measured.
/// </summary>
internal interface IPersonSeeder
{
    /// <param name="state">Engine state of person n (already inside the wait).</param>
    /// <param name="wake">next_wake_at of person n, Unix µs.</param>
    Task SeedAsync(int people, Func<int, byte[]> state, Func<int, long> wake, long nowMicros);
}
