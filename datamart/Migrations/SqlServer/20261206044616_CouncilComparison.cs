using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedServicesPipeline.DataMart.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CouncilComparison : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "council_neighbour",
                schema: "mart",
                columns: table => new
                {
                    council_authority_key = table.Column<int>(type: "int", nullable: false),
                    neighbour_authority_key = table.Column<int>(type: "int", nullable: false),
                    council_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    council_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    neighbour_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    neighbour_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    shares_boundary = table.Column<bool>(type: "bit", nullable: false),
                    distance_km = table.Column<double>(type: "float", nullable: true),
                    rank = table.Column<int>(type: "int", nullable: false),
                    why = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_neighbour", x => new { x.council_authority_key, x.neighbour_authority_key });
                    table.ForeignKey(
                        name: "FK_council_neighbour_dim_authority_council_authority_key",
                        column: x => x.council_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_council_neighbour_dim_authority_neighbour_authority_key",
                        column: x => x.neighbour_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "council_opportunity",
                schema: "mart",
                columns: table => new
                {
                    council_authority_key = table.Column<int>(type: "int", nullable: false),
                    service_area_key = table.Column<int>(type: "int", nullable: false),
                    council_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    council_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    service_area = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    comparators = table.Column<int>(type: "int", nullable: false),
                    peers_sharing = table.Column<int>(type: "int", nullable: false),
                    neighbours_sharing = table.Column<int>(type: "int", nullable: false),
                    share = table.Column<double>(type: "float", nullable: false),
                    shared_before = table.Column<bool>(type: "bit", nullable: false),
                    who_shares = table.Column<string>(type: "nvarchar(1200)", maxLength: 1200, nullable: false),
                    who_shares_codes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    example_arrangement_ids = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    example_arrangements = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    example_annual_savings_gbp = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    rank = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_opportunity", x => new { x.council_authority_key, x.service_area_key });
                    table.ForeignKey(
                        name: "FK_council_opportunity_dim_authority_council_authority_key",
                        column: x => x.council_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_council_opportunity_dim_service_area_service_area_key",
                        column: x => x.service_area_key,
                        principalSchema: "mart",
                        principalTable: "dim_service_area",
                        principalColumn: "service_area_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "council_peer",
                schema: "mart",
                columns: table => new
                {
                    council_authority_key = table.Column<int>(type: "int", nullable: false),
                    peer_authority_key = table.Column<int>(type: "int", nullable: false),
                    council_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    council_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    peer_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    peer_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    same_type = table.Column<bool>(type: "bit", nullable: false),
                    same_region = table.Column<bool>(type: "bit", nullable: false),
                    distance_km = table.Column<double>(type: "float", nullable: true),
                    rank = table.Column<int>(type: "int", nullable: false),
                    why = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_peer", x => new { x.council_authority_key, x.peer_authority_key });
                    table.ForeignKey(
                        name: "FK_council_peer_dim_authority_council_authority_key",
                        column: x => x.council_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_council_peer_dim_authority_peer_authority_key",
                        column: x => x.peer_authority_key,
                        principalSchema: "mart",
                        principalTable: "dim_authority",
                        principalColumn: "authority_key",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "council_neighbour",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "council_opportunity",
                schema: "mart");

            migrationBuilder.DropTable(
                name: "council_peer",
                schema: "mart");
        }
    }
}
