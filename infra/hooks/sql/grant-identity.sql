-- Contained database user for the Function App's managed identity, and what it may do: read and
-- write the rows of schema mart, nothing else. Idempotent: the postprovision hook runs it after
-- every `azd provision`, before it applies datamart/sql/mart.sql as the Entra administrator.
-- $(IdentityName): the user-assigned identity's name; $(IdentityObjectId): its principal (object) id.
--
-- WITH OBJECT_ID binds the user to the identity's object id rather than its display name: the
-- user is this identity, never another service principal or group that shares its name.
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(IdentityName)')
BEGIN
    CREATE USER [$(IdentityName)] FROM EXTERNAL PROVIDER WITH OBJECT_ID = '$(IdentityObjectId)';
END
GO
-- The schema is created here too (mart.sql creates it the same way) so the grant can precede it.
IF SCHEMA_ID(N'mart') IS NULL EXEC(N'CREATE SCHEMA [mart];');
GO
-- Rows only: the app loads, reads and refreshes the mart but never changes its shape. Schema changes
-- are the deployer's (this hook applies mart.sql; the app runs with Mart__ApplyMigrations=false).
-- No EXECUTE: the mart has no procedures or functions; its views are covered by SELECT.
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[mart] TO [$(IdentityName)];
GO
-- Earlier deployments made the identity a member of these roles; a re-provision takes them away.
IF IS_ROLEMEMBER(N'db_ddladmin', N'$(IdentityName)') = 1 ALTER ROLE db_ddladmin DROP MEMBER [$(IdentityName)];
IF IS_ROLEMEMBER(N'db_datawriter', N'$(IdentityName)') = 1 ALTER ROLE db_datawriter DROP MEMBER [$(IdentityName)];
IF IS_ROLEMEMBER(N'db_datareader', N'$(IdentityName)') = 1 ALTER ROLE db_datareader DROP MEMBER [$(IdentityName)];
GO
