namespace Trellis.Core.Engine.Inputs;

/// <summary>Something that happened to a person: what the engine reacts to (besides time passing).</summary>
public abstract class EngineInput;
