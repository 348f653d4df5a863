# Sourced (not executed) by the mysql image's entrypoint on the first start only, with an empty data
# directory; docker_process_sql runs SQL as root on the not-yet-networked server. One schema per service and two
# users, each limited to that schema: <service>_migrate may change it (the init container's migrations), <service>
# may only read and write rows (the service itself). The passwords come from the services' own Secrets.
create_schema() {
  local schema="$1" user="$2" password="${3//\'/\'\'}" migration_password="${4//\'/\'\'}"
  docker_process_sql --database=mysql <<SQL
CREATE DATABASE IF NOT EXISTS \`$schema\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '${user}_migrate'@'%' IDENTIFIED BY '$migration_password';
GRANT ALL PRIVILEGES ON \`$schema\`.* TO '${user}_migrate'@'%';
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$password';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`$schema\`.* TO '$user'@'%';
SQL
}

create_schema aegis_gateway aegis_gateway "$AEGIS_GATEWAY_DB_PASSWORD" "$AEGIS_GATEWAY_DB_MIGRATION_PASSWORD"
create_schema aegis_auth aegis_auth "$AEGIS_AUTH_DB_PASSWORD" "$AEGIS_AUTH_DB_MIGRATION_PASSWORD"
create_schema aegis_user aegis_user "$AEGIS_USER_DB_PASSWORD" "$AEGIS_USER_DB_MIGRATION_PASSWORD"
create_schema aegis_machine aegis_machine "$AEGIS_MACHINE_DB_PASSWORD" "$AEGIS_MACHINE_DB_MIGRATION_PASSWORD"
create_schema aegis_anticheat aegis_anticheat "$AEGIS_ANTICHEAT_DB_PASSWORD" "$AEGIS_ANTICHEAT_DB_MIGRATION_PASSWORD"
