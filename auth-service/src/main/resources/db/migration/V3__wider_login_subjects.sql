-- Admin accounts are counted per (account, client address) as well (docs/security.md): "account:<ID number>@<address>"
-- needs more than 80 characters.
ALTER TABLE login_failures MODIFY subject VARCHAR(128) NOT NULL;
