using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialMart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "mart");

            migrationBuilder.CreateTable(
                name: "dim_arrangement_profile",
                schema: "mart",
                columns: table => new
                {
                    profile_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    governance = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    delivery_model = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_arrangement_profile", x => x.profile_key);
                });

            migrationBuilder.CreateTable(
                name: "dim_authority",
                schema: "mart",
                columns: table => new
                {
                    authority_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    authority_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    short_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    authority_type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    tier_level = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    sector = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    parent_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    region = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    nation = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    latitude = table.Column<double>(type: "float", nullable: true),
                    longitude = table.Column<double>(type: "float", nullable: true),
                    existed_from = table.Column<DateOnly>(type: "date", nullable: true),
                    existed_to = table.Column<DateOnly>(type: "date", nullable: true),
                    successor_codes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    is_current = table.Column<bool>(type: "bit", nullable: false),
                    row_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_authority", x => x.authority_key);
                });

            migrationBuilder.CreateTable(
                name: "dim_date",
                schema: "mart",
                columns: table => new
                {
                    date_key = table.Column<int>(type: "int", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "int", nullable: false),
                    quarter = table.Column<int>(type: "int", nullable: false),
                    month = table.Column<int>(type: "int", nullable: false),
                    month_name = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    financial_year = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    financial_year_start = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_date", x => x.date_key);
                });

            migrationBuilder.CreateTable(
                name: "dim_service_area",
                schema: "mart",
                columns: table => new
                {
                    service_area_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    service_area = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_service_area", x => x.service_area_key);
                });

            migrationBuilder.CreateTable(
                name: "dim_submission",
                schema: "mart",
                columns: table => new
                {
                    submission_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    submission_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    submitter = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    rows_read = table.Column<int>(type: "int", nullable: false),
                    rows_accepted = table.Column<int>(type: "int", nullable: false),
                    rows_rejected = table.Column<int>(type: "int", nullable: false),
                    rows_held = table.Column<int>(type: "int", nullable: false),
                    pipeline_version = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dim_submission", x => x.submission_key);
                });

            migrationBuilder.CreateTable(
                name: "refresh_run",
                schema: "mart",
                columns: table => new
                {
                    refresh_run_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    run_id = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    duration_ms = table.Column<double>(type: "float", nullable: false),
                    outcome = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    watermark = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    files = table.Column<int>(type: "int", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    held_rows_loaded = table.Column<int>(type: "int", nullable: false),
                    message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refresh_run", x => x.refresh_run_key);
                });

            migrationBuilder.CreateTable(
                name: "review_name",
                schema: "mart",
                columns: table => new
                {
                    review_name_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    name_key = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    occurrences = table.Column<int>(type: "int", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    candidate1code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    candidate1name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    candidate1score = table.Column<double>(type: "float", nullable: true),
                    candidate2code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    candidate2name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    candidate2score = table.Column<double>(type: "float", nullable: true),
                    candidate3code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    candidate3name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    candidate3score = table.Column<double>(type: "float", nullable: true),
                    status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_name", x => x.review_name_key);
                });

            migrationBuilder.CreateTable(
                name: "fact_arrangement",
                schema: "mart",
                columns: table => new
                {
                    arrangement_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    arrangement_id = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    identity_key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    service_area_key = table.Column<int>(type: "int", nullable: false),
                    category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    profile_key = table.Column<int>(type: "int", nullable: false),
                    start_date_key = table.Column<int>(type: "int", nullable: false),
                    start_date_is_approximate = table.Column<bool>(type: "bit", nullable: false),
                    end_date_key = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    governance = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    delivery_model = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    annual_savings_gbp = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    savings_to_date_gbp = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    partner_count = table.Column<int>(type: "int", nullable: false),
                    council_count = table.Column<int>(type: "int", nullable: false),
                    is_cross_tier = table.Column<bool>(type: "bit", nullable: false),
                    is_cross_sector = table.Column<bool>(type: "bit", nullable: false),
                    max_partner_distance_km = table.Column<double>(type: "float", nullable: true),
                    lead_authority_key = table.Column<int>(type: "int", nullable: false),
                    submission_key = table.Column<int>(type: "int", nullable: false),
                    first_submission_key = table.Column<int>(type: "int", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    content_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_arrangement", x => x.arrangement_key);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_arrangement_profile_profile_key",
                        column: x => x.profile_key,
                        principalSchema: "mart",
                        principalTable: "dim_arrangement_profile",
                        principalColumn: "profile_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_authority_lead_authority_key",
                        column: x => x.lead_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_date_end_date_key",
                        column: x => x.end_date_key,
                        principalSchema: "mart",
                        principalTable: "dim_date",
                        principalColumn: "date_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_date_start_date_key",
                        column: x => x.start_date_key,
                        principalSchema: "mart",
                        principalTable: "dim_date",
                        principalColumn: "date_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_service_area_service_area_key",
                        column: x => x.service_area_key,
                        principalSchema: "mart",
                        principalTable: "dim_service_area",
                        principalColumn: "service_area_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_submission_first_submission_key",
                        column: x => x.first_submission_key,
                        principalSchema: "mart",
                        principalTable: "dim_submission",
                        principalColumn: "submission_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_dim_submission_submission_key",
                        column: x => x.submission_key,
                        principalSchema: "mart",
                        principalTable: "dim_submission",
                        principalColumn: "submission_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "held_row",
                schema: "mart",
                columns: table => new
                {
                    held_row_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    submission_key = table.Column<int>(type: "int", nullable: false),
                    sheet = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    row_number = table.Column<int>(type: "int", nullable: false),
                    values_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    unresolved_names = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    state = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    resolved_submission_key = table.Column<int>(type: "int", nullable: true),
                    reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_held_row", x => x.held_row_key);
                    table.ForeignKey(
                        name: "FK_held_row_dim_submission_resolved_submission_key",
                        column: x => x.resolved_submission_key,
                        principalSchema: "mart",
                        principalTable: "dim_submission",
                        principalColumn: "submission_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_held_row_dim_submission_submission_key",
                        column: x => x.submission_key,
                        principalSchema: "mart",
                        principalTable: "dim_submission",
                        principalColumn: "submission_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bridge_arrangement_partner",
                schema: "mart",
                columns: table => new
                {
                    arrangement_key = table.Column<int>(type: "int", nullable: false),
                    authority_key = table.Column<int>(type: "int", nullable: false),
                    is_lead = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bridge_arrangement_partner", x => new { x.arrangement_key, x.authority_key });
                    table.ForeignKey(
                        name: "FK_bridge_arrangement_partner_dim_authority_authority_key",
                        column: x => x.authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_bridge_arrangement_partner_fact_arrangement_arrangement_key",
                        column: x => x.arrangement_key,
                        principalSchema: "mart",
                        principalTable: "fact_arrangement",
                        principalColumn: "arrangement_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fact_arrangement_history",
                schema: "mart",
                columns: table => new
                {
                    history_key = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    arrangement_key = table.Column<int>(type: "int", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    submission_key = table.Column<int>(type: "int", nullable: false),
                    title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    service_area_key = table.Column<int>(type: "int", nullable: false),
                    category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    profile_key = table.Column<int>(type: "int", nullable: false),
                    start_date_key = table.Column<int>(type: "int", nullable: false),
                    end_date_key = table.Column<int>(type: "int", nullable: false),
                    lead_authority_key = table.Column<int>(type: "int", nullable: false),
                    status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    annual_savings_gbp = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    savings_to_date_gbp = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    partner_count = table.Column<int>(type: "int", nullable: false),
                    council_count = table.Column<int>(type: "int", nullable: false),
                    content_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fact_arrangement_history", x => x.history_key);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_arrangement_profile_profile_key",
                        column: x => x.profile_key,
                        principalSchema: "mart",
                        principalTable: "dim_arrangement_profile",
                        principalColumn: "profile_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_authority_lead_authority_key",
                        column: x => x.lead_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_date_end_date_key",
                        column: x => x.end_date_key,
                        principalSchema: "mart",
                        principalTable: "dim_date",
                        principalColumn: "date_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_date_start_date_key",
                        column: x => x.start_date_key,
                        principalSchema: "mart",
                        principalTable: "dim_date",
                        principalColumn: "date_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_service_area_service_area_key",
                        column: x => x.service_area_key,
                        principalSchema: "mart",
                        principalTable: "dim_service_area",
                        principalColumn: "service_area_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_dim_submission_submission_key",
                        column: x => x.submission_key,
                        principalSchema: "mart",
                        principalTable: "dim_submission",
                        principalColumn: "submission_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_fact_arrangement_history_fact_arrangement_arrangement_key",
                        column: x => x.arrangement_key,
                        principalSchema: "mart",
                        principalTable: "fact_arrangement",
                        principalColumn: "arrangement_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "mart",
                table: "dim_arrangement_profile",
                columns: new[] { "profile_key", "delivery_model", "governance", "status" },
                values: new object[] { -1, "Unknown", "Unknown", "Unknown" });

            migrationBuilder.InsertData(
                schema: "mart",
                table: "dim_authority",
                columns: new[] { "authority_key", "authority_code", "authority_type", "existed_from", "existed_to", "is_current", "latitude", "longitude", "name", "nation", "parent_code", "region", "row_hash", "sector", "short_name", "successor_codes", "tier_level", "valid_from", "valid_to" },
                values: new object[] { -1, "UNKNOWN", "unknown", null, null, true, null, null, "Unknown", null, null, null, "unknown", "other", null, null, "other", new DateOnly(1900, 1, 1), null });

            migrationBuilder.InsertData(
                schema: "mart",
                table: "dim_date",
                columns: new[] { "date_key", "date", "financial_year", "financial_year_start", "month", "month_name", "quarter", "year" },
                values: new object[] { -1, new DateOnly(1900, 1, 1), "Unknown", 0, 0, "Unknown", 0, 0 });

            migrationBuilder.InsertData(
                schema: "mart",
                table: "dim_service_area",
                columns: new[] { "service_area_key", "category", "service_area" },
                values: new object[] { -1, "Other", "Unknown" });

            migrationBuilder.InsertData(
                schema: "mart",
                table: "dim_submission",
                columns: new[] { "submission_key", "file_name", "loaded_at", "pipeline_version", "received_at", "rows_accepted", "rows_held", "rows_read", "rows_rejected", "sha256", "submission_id", "submitter" },
                values: new object[] { -1, "Unknown", new DateTimeOffset(new DateTime(1900, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "0", new DateTimeOffset(new DateTime(1900, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0, 0, 0, 0, "0000000000000000000000000000000000000000000000000000000000000000", "UNKNOWN", null });

            migrationBuilder.CreateIndex(
                name: "IX_bridge_arrangement_partner_authority_key",
                schema: "mart",
                table: "bridge_arrangement_partner",
                column: "authority_key");

            migrationBuilder.CreateIndex(
                name: "IX_dim_arrangement_profile_status_governance_delivery_model",
                schema: "mart",
                table: "dim_arrangement_profile",
                columns: new[] { "status", "governance", "delivery_model" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_authority_authority_code_is_current",
                schema: "mart",
                table: "dim_authority",
                columns: new[] { "authority_code", "is_current" });

            migrationBuilder.CreateIndex(
                name: "IX_dim_authority_authority_code_valid_from",
                schema: "mart",
                table: "dim_authority",
                columns: new[] { "authority_code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_date_date",
                schema: "mart",
                table: "dim_date",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_service_area_service_area",
                schema: "mart",
                table: "dim_service_area",
                column: "service_area",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_submission_sha256",
                schema: "mart",
                table: "dim_submission",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dim_submission_submission_id",
                schema: "mart",
                table: "dim_submission",
                column: "submission_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_arrangement_id",
                schema: "mart",
                table: "fact_arrangement",
                column: "arrangement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_end_date_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "end_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_first_submission_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "first_submission_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_identity_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "identity_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_lead_authority_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "lead_authority_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_profile_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "profile_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_service_area_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "service_area_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_start_date_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "start_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_submission_key",
                schema: "mart",
                table: "fact_arrangement",
                column: "submission_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_arrangement_key_version",
                schema: "mart",
                table: "fact_arrangement_history",
                columns: new[] { "arrangement_key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_end_date_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "end_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_lead_authority_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "lead_authority_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_profile_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "profile_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_service_area_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "service_area_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_start_date_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "start_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_submission_key",
                schema: "mart",
                table: "fact_arrangement_history",
                column: "submission_key");

            migrationBuilder.CreateIndex(
                name: "IX_held_row_resolved_submission_key",
                schema: "mart",
                table: "held_row",
                column: "resolved_submission_key");

            migrationBuilder.CreateIndex(
                name: "IX_held_row_state",
                schema: "mart",
                table: "held_row",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_held_row_submission_key_sheet_row_number",
                schema: "mart",
                table: "held_row",
                columns: new[] { "submission_key", "sheet", "row_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_refresh_run_run_id",
                schema: "mart",
                table: "refresh_run",
                column: "run_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_name_name_key",
                schema: "mart",
                table: "review_name",
                column: "name_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_name_status",
                schema: "mart",
                table: "review_name",
                column: "status");

            // Reporting views (SQL Server, schema mart), from datamart/sql/views/sqlserver: an arrangement with its partners' names, and every council with its counts.
            migrationBuilder.Sql(MartViewSql.SqlServer(MartViews.Arrangement, 1));
            migrationBuilder.Sql(MartViewSql.SqlServer(MartViews.CouncilSharing, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS [mart].[vw_council_sharing];");
            migrationBuilder.Sql("DROP VIEW IF EXISTS [mart].[vw_arrangement];");

            migrationBuilder.DropTable(
                name: "bridge_arrangement_partner",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "fact_arrangement_history",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "held_row",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "refresh_run",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "review_name",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "fact_arrangement",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "dim_arrangement_profile",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "dim_authority",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "dim_date",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "dim_service_area",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "dim_submission",
                schema: "mart");
        }
    }
}
