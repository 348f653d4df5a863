# Sourced (not executed) by the mysql image's entrypoint on the first start only, with an empty data
# directory; docker_process_sql runs SQL as root on the not-yet-networked server. One schema and one user
# per service, each user limited to its own schema; the passwords come from the services' own Secrets.
create_schema() {
  local schema="$1" user="$2" password="${3//\'/\'\'}"
  docker_process_sql --database=mysql <<SQL
CREATE DATABASE IF NOT EXISTS \`$schema\` CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$schema\`.* TO '$user'@'%';
SQL
}

create_schema aegis_gateway aegis_gateway "$AEGIS_GATEWAY_DB_PASSWORD"
create_schema aegis_auth aegis_auth "$AEGIS_AUTH_DB_PASSWORD"
create_schema aegis_user aegis_user "$AEGIS_USER_DB_PASSWORD"
create_schema aegis_machine aegis_machine "$AEGIS_MACHINE_DB_PASSWORD"
create_schema aegis_anticheat aegis_anticheat "$AEGIS_ANTICHEAT_DB_PASSWORD"
