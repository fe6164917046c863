using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnDescription : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "return_authority",
                table: "dim_submission",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_authority_code",
                table: "dim_submission",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_period",
                table: "dim_submission",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.UpdateData(
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
                table: "dim_submission");

            migrationBuilder.DropColumn(
                name: "return_authority_code",
                table: "dim_submission");

            migrationBuilder.DropColumn(
                name: "return_period",
                table: "dim_submission");
        }
    }
}
