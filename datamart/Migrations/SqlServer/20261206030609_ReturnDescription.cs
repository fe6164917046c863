using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReturnDescription : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "return_authority",
                schema: "mart",
                table: "dim_submission",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_authority_code",
                schema: "mart",
                table: "dim_submission",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_period",
                schema: "mart",
                table: "dim_submission",
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.UpdateData(
                schema: "mart",
                table: "dim_submission",
                keyColumn: "submission_key",
                keyValue: -1,
                columns: new[] { "return_authority", "return_authority_code", "return_period" },
                values: new object[] { null, null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "return_authority",
                schema: "mart",
                table: "dim_submission");

            migrationBuilder.DropColumn(
                name: "return_authority_code",
                schema: "mart",
                table: "dim_submission");

            migrationBuilder.DropColumn(
                name: "return_period",
                schema: "mart",
                table: "dim_submission");
        }
    }
}
