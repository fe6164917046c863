-- Contained database user for the Function App's managed identity, and its database roles.
-- Idempotent: the postprovision hook runs it after every `azd provision`.
-- $(IdentityName) is the user-assigned identity's name (sqlcmd variable).
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(IdentityName)')
BEGIN
    CREATE USER [$(IdentityName)] FROM EXTERNAL PROVIDER;
END
GO
-- Read and write the mart.
ALTER ROLE db_datareader ADD MEMBER [$(IdentityName)];
ALTER ROLE db_datawriter ADD MEMBER [$(IdentityName)];
-- DDL inside the database (e.g. TRUNCATE and staging tables in the refresh job); schema
-- migrations themselves are applied by this hook, not by the app (Mart__ApplyMigrations=false).
ALTER ROLE db_ddladmin ADD MEMBER [$(IdentityName)];
GO
