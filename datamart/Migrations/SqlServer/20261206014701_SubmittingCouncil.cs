using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SubmittingCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "submitting_council",
                schema: "mart",
                table: "dim_submission",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.UpdateData(
                schema: "mart",
                table: "dim_submission",
                keyColumn: "submission_key",
                keyValue: -1,
                column: "submitting_council",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "submitting_council",
                schema: "mart",
                table: "dim_submission");
        }
    }
}
