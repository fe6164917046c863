using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubmittingCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "submitting_council",
                table: "dim_submission",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.UpdateData(
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
                table: "dim_submission");
        }
    }
}
