using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Trellis.Core.Engine;

namespace Trellis.Architecture.Tests;

/// <summary>
/// The core must be a deterministic function of (state, input, now): it may not read a clock, do I/O, start
/// threads or draw randomness. Checked on the compiled IL, so no alias or using can hide a call.
/// </summary>
public class PureCoreTests
{
    /// <summary>Whole types the core may not touch, by namespace-qualified name or namespace prefix (ending in '.').</summary>
    private static readonly string[] BannedTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter",
        "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.Path",
        "System.Net.", "System.Console", "System.Random",
        "System.Diagnostics.Stopwatch", "System.Diagnostics.Process",
        "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Threading.Tasks.Parallel",
        "System.TimeProvider", "NodaTime.SystemClock",
    ];

    /// <summary>Members that read the wall clock or start work on other threads.</summary>
    private static readonly (string Type, string Member)[] BannedMembers =
    [
        ("System.DateTime", "get_Now"), ("System.DateTime", "get_UtcNow"), ("System.DateTime", "get_Today"),
        ("System.DateTimeOffset", "get_Now"), ("System.DateTimeOffset", "get_UtcNow"),
        ("System.Threading.Tasks.Task", "Run"), ("System.Threading.Tasks.Task", "Factory"),
        ("System.Guid", "NewGuid"),
        // Environment is allowed only for what compiler-generated iterators use (CurrentManagedThreadId).
        ("System.Environment", "GetEnvironmentVariable"), ("System.Environment", "GetEnvironmentVariables"),
        ("System.Environment", "get_TickCount"), ("System.Environment", "get_TickCount64"),
        ("System.Environment", "get_MachineName"), ("System.Environment", "get_CurrentDirectory"),
        ("System.Environment", "get_ProcessorCount"), ("System.Environment", "Exit"), ("System.Environment", "GetCommandLineArgs"),
    ];

    [Fact]
    public void The_core_reads_no_clock_does_no_io_and_starts_no_threads()
    {
        var violations = ScanReferences(typeof(JourneyEngine).Assembly.Location).ToList();
        Assert.True(violations.Count == 0, "Trellis.Core uses banned APIs:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_scanner_catches_a_banned_call()
    {
        // Proof that the check can fail: this test assembly itself reads the clock below.
        _ = DateTime.UtcNow;
        var violations = ScanReferences(typeof(PureCoreTests).Assembly.Location).ToList();
        Assert.Contains(violations, v => v.Contains("DateTime.get_UtcNow", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_references_only_pure_libraries()
    {
        var allowed = new[] { "System.", "NodaTime", "NCrontab", "netstandard", "mscorlib", "Microsoft.Win32.Primitives" };
        var references = typeof(JourneyEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var bad = references.Where(r => r != "System" && !allowed.Any(a => r.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.True(bad.Count == 0, "Trellis.Core references " + string.Join(", ", bad));
        Assert.DoesNotContain(references, r => r.StartsWith("System.Net", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ScanReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        foreach (var handle in md.TypeReferences)
        {
            var name = FullName(md, md.GetTypeReference(handle));
            if (BannedTypes.Any(b => b.EndsWith('.') ? name.StartsWith(b, StringComparison.Ordinal) : name == b))
            {
                yield return "type " + name;
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = FullName(md, md.GetTypeReference((TypeReferenceHandle)member.Parent));
            var name = md.GetString(member.Name);
            if (BannedMembers.Any(b => b.Type == type && b.Member == name))
            {
                yield return $"member {type}.{name}";
            }
        }
    }

    private static string FullName(MetadataReader md, TypeReference t)
    {
        var ns = md.GetString(t.Namespace);
        var name = md.GetString(t.Name);
        if (t.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(md, md.GetTypeReference((TypeReferenceHandle)t.ResolutionScope)) + "+" + name;
        }

        return ns.Length == 0 ? name : ns + "." + name;
    }
}
