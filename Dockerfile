# syntax=docker/dockerfile:1
# The service as a container image: docker build -t interviewer .   (see docs/deploy.md; deploy/compose.yaml runs a cluster)

# Build: the .NET SDK, and Node.js for the page's @microsoft/signalr (installed from npm by the build).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY rubrics/ rubrics/
COPY src/ src/
RUN dotnet publish src/Interviewer.Api -c Release -o /app -p:UseAppHost=false

# Run: the ASP.NET Core runtime only, as the image's unprivileged user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl answers the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# SQLite's folder when no PostgreSQL is configured (one instance only); mount a volume here to keep it.
RUN mkdir /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Interviewer__Storage__DataDirectory=/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "Interviewer.Api.dll"]
