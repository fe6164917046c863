using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanFactIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_history_end_date_key",
                table: "fact_arrangement_history");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_history_lead_authority_key",
                table: "fact_arrangement_history");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_history_profile_key",
                table: "fact_arrangement_history");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_history_service_area_key",
                table: "fact_arrangement_history");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_history_start_date_key",
                table: "fact_arrangement_history");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_end_date_key",
                table: "fact_arrangement");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_first_submission_key",
                table: "fact_arrangement");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_lead_authority_key",
                table: "fact_arrangement");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_profile_key",
                table: "fact_arrangement");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_service_area_key",
                table: "fact_arrangement");

            migrationBuilder.DropIndex(
                name: "IX_fact_arrangement_start_date_key",
                table: "fact_arrangement");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_end_date_key",
                table: "fact_arrangement_history",
                column: "end_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_lead_authority_key",
                table: "fact_arrangement_history",
                column: "lead_authority_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_profile_key",
                table: "fact_arrangement_history",
                column: "profile_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_service_area_key",
                table: "fact_arrangement_history",
                column: "service_area_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_history_start_date_key",
                table: "fact_arrangement_history",
                column: "start_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_end_date_key",
                table: "fact_arrangement",
                column: "end_date_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_first_submission_key",
                table: "fact_arrangement",
                column: "first_submission_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_lead_authority_key",
                table: "fact_arrangement",
                column: "lead_authority_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_profile_key",
                table: "fact_arrangement",
                column: "profile_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_service_area_key",
                table: "fact_arrangement",
                column: "service_area_key");

            migrationBuilder.CreateIndex(
                name: "IX_fact_arrangement_start_date_key",
                table: "fact_arrangement",
                column: "start_date_key");
        }
    }
}
