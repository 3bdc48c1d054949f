-- Workspaces and their key hashes.

-- name: InsertWorkspace
INSERT INTO workspaces (id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at)
VALUES (@id, @name, @write_key_hash, @secret_key_hash, @created_at, @keys_updated_at);

-- name: GetWorkspace
SELECT id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at
FROM workspaces
WHERE id = @id;

-- name: FindWorkspaceByWriteKey
SELECT id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at
FROM workspaces
WHERE write_key_hash = @key_hash;

-- name: FindWorkspaceBySecretKey
SELECT id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at
FROM workspaces
WHERE secret_key_hash = @key_hash;

-- name: RotateWriteKey
UPDATE workspaces SET write_key_hash = @key_hash, keys_updated_at = @at WHERE id = @id;

-- name: RotateSecretKey
UPDATE workspaces SET secret_key_hash = @key_hash, keys_updated_at = @at WHERE id = @id;

-- name: ListWorkspaces
SELECT id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at
FROM workspaces
ORDER BY id COLLATE "C";
