IF OBJECT_ID(N'[mart].[__EFMigrationsHistory]') IS NULL
BEGIN
    IF SCHEMA_ID(N'mart') IS NULL EXEC(N'CREATE SCHEMA [mart];');
    CREATE TABLE [mart].[__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF SCHEMA_ID(N'mart') IS NULL EXEC(N'CREATE SCHEMA [mart];');
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[dim_arrangement_profile] (
        [profile_key] int NOT NULL IDENTITY,
        [status] nvarchar(40) NOT NULL,
        [governance] nvarchar(200) NOT NULL,
        [delivery_model] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_dim_arrangement_profile] PRIMARY KEY ([profile_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[dim_authority] (
        [authority_key] int NOT NULL IDENTITY,
        [authority_code] nvarchar(64) NOT NULL,
        [name] nvarchar(200) NOT NULL,
        [short_name] nvarchar(200) NULL,
        [authority_type] nvarchar(40) NOT NULL,
        [tier_level] nvarchar(10) NOT NULL,
        [sector] nvarchar(30) NOT NULL,
        [parent_code] nvarchar(64) NULL,
        [region] nvarchar(60) NULL,
        [nation] nvarchar(30) NULL,
        [latitude] float NULL,
        [longitude] float NULL,
        [existed_from] date NULL,
        [existed_to] date NULL,
        [successor_codes] nvarchar(200) NULL,
        [valid_from] date NOT NULL,
        [valid_to] date NULL,
        [is_current] bit NOT NULL,
        [row_hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_dim_authority] PRIMARY KEY ([authority_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[dim_date] (
        [date_key] int NOT NULL,
        [date] date NOT NULL,
        [year] int NOT NULL,
        [quarter] int NOT NULL,
        [month] int NOT NULL,
        [month_name] nvarchar(12) NOT NULL,
        [financial_year] nvarchar(9) NOT NULL,
        [financial_year_start] int NOT NULL,
        CONSTRAINT [PK_dim_date] PRIMARY KEY ([date_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[dim_service_area] (
        [service_area_key] int NOT NULL IDENTITY,
        [service_area] nvarchar(200) NOT NULL,
        [category] nvarchar(30) NOT NULL,
        CONSTRAINT [PK_dim_service_area] PRIMARY KEY ([service_area_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[dim_submission] (
        [submission_key] int NOT NULL IDENTITY,
        [submission_id] nvarchar(64) NOT NULL,
        [file_name] nvarchar(260) NOT NULL,
        [sha256] nchar(64) NOT NULL,
        [received_at] datetimeoffset NOT NULL,
        [submitter] nvarchar(200) NULL,
        [rows_read] int NOT NULL,
        [rows_accepted] int NOT NULL,
        [rows_rejected] int NOT NULL,
        [rows_held] int NOT NULL,
        [pipeline_version] nvarchar(40) NOT NULL,
        [loaded_at] datetimeoffset NOT NULL,
        CONSTRAINT [PK_dim_submission] PRIMARY KEY ([submission_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[refresh_run] (
        [refresh_run_key] int NOT NULL IDENTITY,
        [run_id] nvarchar(40) NOT NULL,
        [started_at] datetimeoffset NOT NULL,
        [ended_at] datetimeoffset NULL,
        [duration_ms] float NOT NULL,
        [outcome] nvarchar(20) NOT NULL,
        [watermark] nvarchar(64) NULL,
        [files] int NOT NULL,
        [rows] bigint NOT NULL,
        [held_rows_loaded] int NOT NULL,
        [message] nvarchar(2000) NULL,
        CONSTRAINT [PK_refresh_run] PRIMARY KEY ([refresh_run_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[review_name] (
        [review_name_key] int NOT NULL IDENTITY,
        [name_key] nvarchar(400) NOT NULL,
        [name] nvarchar(400) NOT NULL,
        [occurrences] int NOT NULL,
        [first_seen_at] datetimeoffset NOT NULL,
        [last_seen_at] datetimeoffset NOT NULL,
        [candidate1code] nvarchar(64) NULL,
        [candidate1name] nvarchar(200) NULL,
        [candidate1score] float NULL,
        [candidate2code] nvarchar(64) NULL,
        [candidate2name] nvarchar(200) NULL,
        [candidate2score] float NULL,
        [candidate3code] nvarchar(64) NULL,
        [candidate3name] nvarchar(200) NULL,
        [candidate3score] float NULL,
        [status] nvarchar(20) NOT NULL,
        [resolved_at] datetimeoffset NULL,
        CONSTRAINT [PK_review_name] PRIMARY KEY ([review_name_key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[fact_arrangement] (
        [arrangement_key] int NOT NULL IDENTITY,
        [arrangement_id] nvarchar(40) NOT NULL,
        [identity_key] nvarchar(64) NOT NULL,
        [reference] nvarchar(100) NULL,
        [title] nvarchar(400) NOT NULL,
        [description] nvarchar(4000) NULL,
        [service_area_key] int NOT NULL,
        [category] nvarchar(30) NOT NULL,
        [profile_key] int NOT NULL,
        [start_date_key] int NOT NULL,
        [start_date_is_approximate] bit NOT NULL,
        [end_date_key] int NOT NULL,
        [status] nvarchar(40) NULL,
        [governance] nvarchar(200) NULL,
        [delivery_model] nvarchar(200) NULL,
        [annual_savings_gbp] decimal(18,2) NULL,
        [savings_to_date_gbp] decimal(18,2) NULL,
        [partner_count] int NOT NULL,
        [council_count] int NOT NULL,
        [is_cross_tier] bit NOT NULL,
        [is_cross_sector] bit NOT NULL,
        [max_partner_distance_km] float NULL,
        [lead_authority_key] int NOT NULL,
        [submission_key] int NOT NULL,
        [first_submission_key] int NOT NULL,
        [version] int NOT NULL,
        [content_hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_fact_arrangement] PRIMARY KEY ([arrangement_key]),
        CONSTRAINT [FK_fact_arrangement_dim_arrangement_profile_profile_key] FOREIGN KEY ([profile_key]) REFERENCES [mart].[dim_arrangement_profile] ([profile_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_authority_lead_authority_key] FOREIGN KEY ([lead_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_date_end_date_key] FOREIGN KEY ([end_date_key]) REFERENCES [mart].[dim_date] ([date_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_date_start_date_key] FOREIGN KEY ([start_date_key]) REFERENCES [mart].[dim_date] ([date_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_service_area_service_area_key] FOREIGN KEY ([service_area_key]) REFERENCES [mart].[dim_service_area] ([service_area_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_submission_first_submission_key] FOREIGN KEY ([first_submission_key]) REFERENCES [mart].[dim_submission] ([submission_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_dim_submission_submission_key] FOREIGN KEY ([submission_key]) REFERENCES [mart].[dim_submission] ([submission_key]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[held_row] (
        [held_row_key] int NOT NULL IDENTITY,
        [submission_key] int NOT NULL,
        [sheet] nvarchar(100) NOT NULL,
        [row_number] int NOT NULL,
        [values_json] nvarchar(max) NOT NULL,
        [unresolved_names] nvarchar(2000) NOT NULL,
        [state] nvarchar(20) NOT NULL,
        [held_at] datetimeoffset NOT NULL,
        [resolved_at] datetimeoffset NULL,
        [resolved_submission_key] int NULL,
        [reason] nvarchar(2000) NULL,
        CONSTRAINT [PK_held_row] PRIMARY KEY ([held_row_key]),
        CONSTRAINT [FK_held_row_dim_submission_resolved_submission_key] FOREIGN KEY ([resolved_submission_key]) REFERENCES [mart].[dim_submission] ([submission_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_held_row_dim_submission_submission_key] FOREIGN KEY ([submission_key]) REFERENCES [mart].[dim_submission] ([submission_key]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[bridge_arrangement_partner] (
        [arrangement_key] int NOT NULL,
        [authority_key] int NOT NULL,
        [is_lead] bit NOT NULL,
        CONSTRAINT [PK_bridge_arrangement_partner] PRIMARY KEY ([arrangement_key], [authority_key]),
        CONSTRAINT [FK_bridge_arrangement_partner_dim_authority_authority_key] FOREIGN KEY ([authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_bridge_arrangement_partner_fact_arrangement_arrangement_key] FOREIGN KEY ([arrangement_key]) REFERENCES [mart].[fact_arrangement] ([arrangement_key]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE TABLE [mart].[fact_arrangement_history] (
        [history_key] int NOT NULL IDENTITY,
        [arrangement_key] int NOT NULL,
        [version] int NOT NULL,
        [submission_key] int NOT NULL,
        [title] nvarchar(400) NOT NULL,
        [service_area_key] int NOT NULL,
        [category] nvarchar(30) NOT NULL,
        [profile_key] int NOT NULL,
        [start_date_key] int NOT NULL,
        [end_date_key] int NOT NULL,
        [lead_authority_key] int NOT NULL,
        [status] nvarchar(40) NULL,
        [annual_savings_gbp] decimal(18,2) NULL,
        [savings_to_date_gbp] decimal(18,2) NULL,
        [partner_count] int NOT NULL,
        [council_count] int NOT NULL,
        [content_hash] nvarchar(64) NOT NULL,
        [recorded_at] datetimeoffset NOT NULL,
        CONSTRAINT [PK_fact_arrangement_history] PRIMARY KEY ([history_key]),
        CONSTRAINT [FK_fact_arrangement_history_dim_arrangement_profile_profile_key] FOREIGN KEY ([profile_key]) REFERENCES [mart].[dim_arrangement_profile] ([profile_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_dim_authority_lead_authority_key] FOREIGN KEY ([lead_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_dim_date_end_date_key] FOREIGN KEY ([end_date_key]) REFERENCES [mart].[dim_date] ([date_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_dim_date_start_date_key] FOREIGN KEY ([start_date_key]) REFERENCES [mart].[dim_date] ([date_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_dim_service_area_service_area_key] FOREIGN KEY ([service_area_key]) REFERENCES [mart].[dim_service_area] ([service_area_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_dim_submission_submission_key] FOREIGN KEY ([submission_key]) REFERENCES [mart].[dim_submission] ([submission_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_fact_arrangement_history_fact_arrangement_arrangement_key] FOREIGN KEY ([arrangement_key]) REFERENCES [mart].[fact_arrangement] ([arrangement_key]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'profile_key', N'delivery_model', N'governance', N'status') AND [object_id] = OBJECT_ID(N'[mart].[dim_arrangement_profile]'))
        SET IDENTITY_INSERT [mart].[dim_arrangement_profile] ON;
    EXEC(N'INSERT INTO [mart].[dim_arrangement_profile] ([profile_key], [delivery_model], [governance], [status])
    VALUES (-1, N''Unknown'', N''Unknown'', N''Unknown'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'profile_key', N'delivery_model', N'governance', N'status') AND [object_id] = OBJECT_ID(N'[mart].[dim_arrangement_profile]'))
        SET IDENTITY_INSERT [mart].[dim_arrangement_profile] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'authority_key', N'authority_code', N'authority_type', N'existed_from', N'existed_to', N'is_current', N'latitude', N'longitude', N'name', N'nation', N'parent_code', N'region', N'row_hash', N'sector', N'short_name', N'successor_codes', N'tier_level', N'valid_from', N'valid_to') AND [object_id] = OBJECT_ID(N'[mart].[dim_authority]'))
        SET IDENTITY_INSERT [mart].[dim_authority] ON;
    EXEC(N'INSERT INTO [mart].[dim_authority] ([authority_key], [authority_code], [authority_type], [existed_from], [existed_to], [is_current], [latitude], [longitude], [name], [nation], [parent_code], [region], [row_hash], [sector], [short_name], [successor_codes], [tier_level], [valid_from], [valid_to])
    VALUES (-1, N''UNKNOWN'', N''unknown'', NULL, NULL, CAST(1 AS bit), NULL, NULL, N''Unknown'', NULL, NULL, NULL, N''unknown'', N''other'', NULL, NULL, N''other'', ''1900-01-01'', NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'authority_key', N'authority_code', N'authority_type', N'existed_from', N'existed_to', N'is_current', N'latitude', N'longitude', N'name', N'nation', N'parent_code', N'region', N'row_hash', N'sector', N'short_name', N'successor_codes', N'tier_level', N'valid_from', N'valid_to') AND [object_id] = OBJECT_ID(N'[mart].[dim_authority]'))
        SET IDENTITY_INSERT [mart].[dim_authority] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'date_key', N'date', N'financial_year', N'financial_year_start', N'month', N'month_name', N'quarter', N'year') AND [object_id] = OBJECT_ID(N'[mart].[dim_date]'))
        SET IDENTITY_INSERT [mart].[dim_date] ON;
    EXEC(N'INSERT INTO [mart].[dim_date] ([date_key], [date], [financial_year], [financial_year_start], [month], [month_name], [quarter], [year])
    VALUES (-1, ''1900-01-01'', N''Unknown'', 0, 0, N''Unknown'', 0, 0)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'date_key', N'date', N'financial_year', N'financial_year_start', N'month', N'month_name', N'quarter', N'year') AND [object_id] = OBJECT_ID(N'[mart].[dim_date]'))
        SET IDENTITY_INSERT [mart].[dim_date] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'service_area_key', N'category', N'service_area') AND [object_id] = OBJECT_ID(N'[mart].[dim_service_area]'))
        SET IDENTITY_INSERT [mart].[dim_service_area] ON;
    EXEC(N'INSERT INTO [mart].[dim_service_area] ([service_area_key], [category], [service_area])
    VALUES (-1, N''Other'', N''Unknown'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'service_area_key', N'category', N'service_area') AND [object_id] = OBJECT_ID(N'[mart].[dim_service_area]'))
        SET IDENTITY_INSERT [mart].[dim_service_area] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'submission_key', N'file_name', N'loaded_at', N'pipeline_version', N'received_at', N'rows_accepted', N'rows_held', N'rows_read', N'rows_rejected', N'sha256', N'submission_id', N'submitter') AND [object_id] = OBJECT_ID(N'[mart].[dim_submission]'))
        SET IDENTITY_INSERT [mart].[dim_submission] ON;
    EXEC(N'INSERT INTO [mart].[dim_submission] ([submission_key], [file_name], [loaded_at], [pipeline_version], [received_at], [rows_accepted], [rows_held], [rows_read], [rows_rejected], [sha256], [submission_id], [submitter])
    VALUES (-1, N''Unknown'', ''1900-01-01T00:00:00.0000000+00:00'', N''0'', ''1900-01-01T00:00:00.0000000+00:00'', 0, 0, 0, 0, N''0000000000000000000000000000000000000000000000000000000000000000'', N''UNKNOWN'', NULL)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'submission_key', N'file_name', N'loaded_at', N'pipeline_version', N'received_at', N'rows_accepted', N'rows_held', N'rows_read', N'rows_rejected', N'sha256', N'submission_id', N'submitter') AND [object_id] = OBJECT_ID(N'[mart].[dim_submission]'))
        SET IDENTITY_INSERT [mart].[dim_submission] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_bridge_arrangement_partner_authority_key] ON [mart].[bridge_arrangement_partner] ([authority_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_arrangement_profile_status_governance_delivery_model] ON [mart].[dim_arrangement_profile] ([status], [governance], [delivery_model]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_dim_authority_authority_code_is_current] ON [mart].[dim_authority] ([authority_code], [is_current]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_authority_authority_code_valid_from] ON [mart].[dim_authority] ([authority_code], [valid_from]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_date_date] ON [mart].[dim_date] ([date]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_service_area_service_area] ON [mart].[dim_service_area] ([service_area]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_submission_sha256] ON [mart].[dim_submission] ([sha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_dim_submission_submission_id] ON [mart].[dim_submission] ([submission_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_fact_arrangement_arrangement_id] ON [mart].[fact_arrangement] ([arrangement_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_end_date_key] ON [mart].[fact_arrangement] ([end_date_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_first_submission_key] ON [mart].[fact_arrangement] ([first_submission_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_fact_arrangement_identity_key] ON [mart].[fact_arrangement] ([identity_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_lead_authority_key] ON [mart].[fact_arrangement] ([lead_authority_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_profile_key] ON [mart].[fact_arrangement] ([profile_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_service_area_key] ON [mart].[fact_arrangement] ([service_area_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_start_date_key] ON [mart].[fact_arrangement] ([start_date_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_submission_key] ON [mart].[fact_arrangement] ([submission_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_fact_arrangement_history_arrangement_key_version] ON [mart].[fact_arrangement_history] ([arrangement_key], [version]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_end_date_key] ON [mart].[fact_arrangement_history] ([end_date_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_lead_authority_key] ON [mart].[fact_arrangement_history] ([lead_authority_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_profile_key] ON [mart].[fact_arrangement_history] ([profile_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_service_area_key] ON [mart].[fact_arrangement_history] ([service_area_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_start_date_key] ON [mart].[fact_arrangement_history] ([start_date_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_fact_arrangement_history_submission_key] ON [mart].[fact_arrangement_history] ([submission_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_held_row_resolved_submission_key] ON [mart].[held_row] ([resolved_submission_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_held_row_state] ON [mart].[held_row] ([state]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_held_row_submission_key_sheet_row_number] ON [mart].[held_row] ([submission_key], [sheet], [row_number]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_refresh_run_run_id] ON [mart].[refresh_run] ([run_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE UNIQUE INDEX [IX_review_name_name_key] ON [mart].[review_name] ([name_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    CREATE INDEX [IX_review_name_status] ON [mart].[review_name] ([status]);
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    EXEC(N'
    CREATE OR ALTER VIEW [mart].[vw_arrangement] AS
    SELECT
        f.[arrangement_key],
        f.[arrangement_id],
        f.[reference],
        f.[title],
        s.[service_area],
        f.[category],
        CASE WHEN f.[start_date_key] > 0 THEN sd.[date] END AS [start_date],
        CASE WHEN f.[start_date_key] > 0 THEN sd.[financial_year] END AS [start_financial_year],
        CASE WHEN f.[end_date_key] > 0 THEN ed.[date] END AS [end_date],
        f.[status],
        f.[governance],
        f.[delivery_model],
        CASE WHEN f.[lead_authority_key] > 0 THEN la.[name] END AS [lead_authority],
        (SELECT STRING_AGG(CAST(a.[name] AS nvarchar(max)), N''; '') WITHIN GROUP (ORDER BY a.[name])
           FROM [mart].[bridge_arrangement_partner] AS b
           JOIN [mart].[dim_authority] AS a ON a.[authority_key] = b.[authority_key]
          WHERE b.[arrangement_key] = f.[arrangement_key]) AS [partners],
        f.[partner_count],
        f.[council_count],
        f.[is_cross_tier],
        f.[is_cross_sector],
        f.[max_partner_distance_km],
        f.[annual_savings_gbp],
        f.[savings_to_date_gbp]
    FROM [mart].[fact_arrangement] AS f
    JOIN [mart].[dim_service_area] AS s ON s.[service_area_key] = f.[service_area_key]
    JOIN [mart].[dim_date] AS sd ON sd.[date_key] = f.[start_date_key]
    JOIN [mart].[dim_date] AS ed ON ed.[date_key] = f.[end_date_key]
    JOIN [mart].[dim_authority] AS la ON la.[authority_key] = f.[lead_authority_key]
    ');
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    EXEC(N'
    CREATE OR ALTER VIEW [mart].[vw_council_sharing] AS
    SELECT
        c.[authority_key],
        c.[authority_code],
        c.[name],
        c.[authority_type],
        c.[tier_level],
        c.[region],
        c.[nation],
        c.[existed_to],
        COUNT(DISTINCT f.[arrangement_key]) AS [arrangement_count],
        COUNT(DISTINCT CASE WHEN b.[is_lead] = 1 THEN f.[arrangement_key] END) AS [lead_count],
        COUNT(DISTINCT CASE WHEN f.[status] = N''Live'' THEN f.[arrangement_key] END) AS [live_count],
        COUNT(DISTINCT CASE WHEN f.[category] = N''Front office'' THEN f.[arrangement_key] END) AS [front_office_count],
        COUNT(DISTINCT CASE WHEN f.[is_cross_tier] = 1 THEN f.[arrangement_key] END) AS [cross_tier_count]
    FROM [mart].[dim_authority] AS c
    JOIN [mart].[dim_authority] AS v ON v.[authority_code] = c.[authority_code]
    LEFT JOIN [mart].[bridge_arrangement_partner] AS b ON b.[authority_key] = v.[authority_key]
    LEFT JOIN [mart].[fact_arrangement] AS f ON f.[arrangement_key] = b.[arrangement_key]
    WHERE c.[is_current] = 1 AND c.[sector] = N''council''
    GROUP BY c.[authority_key], c.[authority_code], c.[name], c.[authority_type], c.[tier_level], c.[region], c.[nation], c.[existed_to]
    ');
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128143632_InitialMart'
)
BEGIN
    INSERT INTO [mart].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128143632_InitialMart', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_history_end_date_key] ON [mart].[fact_arrangement_history];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_history_lead_authority_key] ON [mart].[fact_arrangement_history];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_history_profile_key] ON [mart].[fact_arrangement_history];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_history_service_area_key] ON [mart].[fact_arrangement_history];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_history_start_date_key] ON [mart].[fact_arrangement_history];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_end_date_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_first_submission_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_lead_authority_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_profile_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_service_area_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    DROP INDEX [IX_fact_arrangement_start_date_key] ON [mart].[fact_arrangement];
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201201132_LeanFactIndexes'
)
BEGIN
    INSERT INTO [mart].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201201132_LeanFactIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206014701_SubmittingCouncil'
)
BEGIN
    ALTER TABLE [mart].[dim_submission] ADD [submitting_council] nvarchar(9) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206014701_SubmittingCouncil'
)
BEGIN
    EXEC(N'UPDATE [mart].[dim_submission] SET [submitting_council] = NULL
    WHERE [submission_key] = -1;
    SELECT @@ROWCOUNT');
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206014701_SubmittingCouncil'
)
BEGIN
    INSERT INTO [mart].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206014701_SubmittingCouncil', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206030609_ReturnDescription'
)
BEGIN
    ALTER TABLE [mart].[dim_submission] ADD [return_authority] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206030609_ReturnDescription'
)
BEGIN
    ALTER TABLE [mart].[dim_submission] ADD [return_authority_code] nvarchar(9) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206030609_ReturnDescription'
)
BEGIN
    ALTER TABLE [mart].[dim_submission] ADD [return_period] nvarchar(7) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206030609_ReturnDescription'
)
BEGIN
    EXEC(N'UPDATE [mart].[dim_submission] SET [return_authority] = NULL, [return_authority_code] = NULL, [return_period] = NULL
    WHERE [submission_key] = -1;
    SELECT @@ROWCOUNT');
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206030609_ReturnDescription'
)
BEGIN
    INSERT INTO [mart].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206030609_ReturnDescription', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206044616_CouncilComparison'
)
BEGIN
    CREATE TABLE [mart].[council_neighbour] (
        [council_authority_key] int NOT NULL,
        [neighbour_authority_key] int NOT NULL,
        [council_code] nvarchar(64) NOT NULL,
        [council_name] nvarchar(200) NOT NULL,
        [neighbour_code] nvarchar(64) NOT NULL,
        [neighbour_name] nvarchar(200) NOT NULL,
        [shares_boundary] bit NOT NULL,
        [distance_km] float NULL,
        [rank] int NOT NULL,
        [why] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_council_neighbour] PRIMARY KEY ([council_authority_key], [neighbour_authority_key]),
        CONSTRAINT [FK_council_neighbour_dim_authority_council_authority_key] FOREIGN KEY ([council_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_council_neighbour_dim_authority_neighbour_authority_key] FOREIGN KEY ([neighbour_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206044616_CouncilComparison'
)
BEGIN
    CREATE TABLE [mart].[council_opportunity] (
        [council_authority_key] int NOT NULL,
        [service_area_key] int NOT NULL,
        [council_code] nvarchar(64) NOT NULL,
        [council_name] nvarchar(200) NOT NULL,
        [service_area] nvarchar(200) NOT NULL,
        [category] nvarchar(30) NOT NULL,
        [comparators] int NOT NULL,
        [peers_sharing] int NOT NULL,
        [neighbours_sharing] int NOT NULL,
        [share] float NOT NULL,
        [shared_before] bit NOT NULL,
        [who_shares] nvarchar(1200) NOT NULL,
        [who_shares_codes] nvarchar(400) NOT NULL,
        [example_arrangement_ids] nvarchar(200) NOT NULL,
        [example_arrangements] nvarchar(max) NOT NULL,
        [example_annual_savings_gbp] decimal(18,2) NULL,
        [rank] int NOT NULL,
        CONSTRAINT [PK_council_opportunity] PRIMARY KEY ([council_authority_key], [service_area_key]),
        CONSTRAINT [FK_council_opportunity_dim_authority_council_authority_key] FOREIGN KEY ([council_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_council_opportunity_dim_service_area_service_area_key] FOREIGN KEY ([service_area_key]) REFERENCES [mart].[dim_service_area] ([service_area_key]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206044616_CouncilComparison'
)
BEGIN
    CREATE TABLE [mart].[council_peer] (
        [council_authority_key] int NOT NULL,
        [peer_authority_key] int NOT NULL,
        [council_code] nvarchar(64) NOT NULL,
        [council_name] nvarchar(200) NOT NULL,
        [peer_code] nvarchar(64) NOT NULL,
        [peer_name] nvarchar(200) NOT NULL,
        [same_type] bit NOT NULL,
        [same_region] bit NOT NULL,
        [distance_km] float NULL,
        [rank] int NOT NULL,
        [why] nvarchar(400) NOT NULL,
        CONSTRAINT [PK_council_peer] PRIMARY KEY ([council_authority_key], [peer_authority_key]),
        CONSTRAINT [FK_council_peer_dim_authority_council_authority_key] FOREIGN KEY ([council_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION,
        CONSTRAINT [FK_council_peer_dim_authority_peer_authority_key] FOREIGN KEY ([peer_authority_key]) REFERENCES [mart].[dim_authority] ([authority_key]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [mart].[__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206044616_CouncilComparison'
)
BEGIN
    INSERT INTO [mart].[__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206044616_CouncilComparison', N'10.0.15');
END;

COMMIT;
GO

