using NodaTime;
using Trellis.Core.Engine.Inputs;

namespace Trellis.Runtime.Scenarios;

/// <summary>One input of a scenario: at an offset from the start, for a user.</summary>
public sealed record ScriptedInput(Duration Offset, string User, EngineInput Input);
