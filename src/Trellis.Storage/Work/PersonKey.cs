namespace Trellis.Storage;

/// <summary>A person as the store identifies them: their workspace and id.</summary>
public readonly record struct PersonKey(WorkspaceId Workspace, string PersonId);
