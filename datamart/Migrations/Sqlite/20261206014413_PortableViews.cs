using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.Sqlite
{
    /// <summary>
    /// vw_arrangement without <c>group_concat(… ORDER BY …)</c> (SQLite 3.44+), so that older SQLite (Python's, R's,
    /// DBeaver's, Debian's shell) can open the mart at all: one view it cannot parse makes every query fail.
    /// </summary>
    public partial class PortableViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS vw_arrangement;");
            migrationBuilder.Sql(MartViewSql.Sqlite(MartViews.Arrangement, 2));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS vw_arrangement;");
            migrationBuilder.Sql(MartViewSql.Sqlite(MartViews.Arrangement, 1));
        }
    }
}
