using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interviewer.Api.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResumeTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BankVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Grader = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverallScore = table.Column<double>(type: "REAL", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "turns",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsFollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_turns", x => new { x.SessionId, x.Number });
                    table.ForeignKey(
                        name: "FK_turns_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "answers",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnswerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TurnNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_answers", x => new { x.SessionId, x.AnswerId });
                    table.ForeignKey(
                        name: "FK_answers_turns_SessionId_TurnNumber",
                        columns: x => new { x.SessionId, x.TurnNumber },
                        principalTable: "turns",
                        principalColumns: new[] { "SessionId", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grades",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AnswerId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grader = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BankVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Degraded = table.Column<bool>(type: "INTEGER", nullable: false),
                    LatencyMs = table.Column<double>(type: "REAL", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grades", x => new { x.SessionId, x.AnswerId });
                    table.ForeignKey(
                        name: "FK_grades_answers_SessionId_AnswerId",
                        columns: x => new { x.SessionId, x.AnswerId },
                        principalTable: "answers",
                        principalColumns: new[] { "SessionId", "AnswerId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_answers_SessionId_TurnNumber",
                table: "answers",
                columns: new[] { "SessionId", "TurnNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_CreatedAt",
                table: "sessions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_Status",
                table: "sessions",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grades");

            migrationBuilder.DropTable(
                name: "answers");

            migrationBuilder.DropTable(
                name: "turns");

            migrationBuilder.DropTable(
                name: "sessions");
        }
    }
}
