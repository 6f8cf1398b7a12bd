-- The embedded authorization server's state, shared by every node so that a code issued by one node can be
-- redeemed at another and a token signed by one is accepted by all, also after a restart.

-- Spring Authorization Server's JDBC schemas (JdbcRegisteredClientRepository, JdbcOAuth2AuthorizationService),
-- with the PostgreSQL types its documentation asks for: text for its blobs, timestamptz for its instants.
-- Client secrets are stored hashed ({bcrypt}…); a client's ledger roles and institution are in client_settings.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL,
    client_id_issued_at           TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMPTZ,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(1000),
    post_logout_redirect_uris     VARCHAR(1000),
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL
);
-- Spring checks uniqueness with a SELECT before inserting; two nodes registering the same client at once need this.
CREATE UNIQUE INDEX oauth2_registered_client_client_id ON oauth2_registered_client (client_id);

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100) NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100) NOT NULL,
    principal_name                VARCHAR(200) NOT NULL,
    authorization_grant_type      VARCHAR(100) NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMPTZ,
    authorization_code_expires_at TIMESTAMPTZ,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMPTZ,
    access_token_expires_at       TIMESTAMPTZ,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMPTZ,
    oidc_id_token_expires_at      TIMESTAMPTZ,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMPTZ,
    refresh_token_expires_at      TIMESTAMPTZ,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMPTZ,
    user_code_expires_at          TIMESTAMPTZ,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMPTZ,
    device_code_expires_at        TIMESTAMPTZ,
    device_code_metadata          TEXT
);

-- People who sign in at the login form (learners of the portal). password is a DelegatingPasswordEncoder hash;
-- roles are Role names separated by commas; learner_id is set for learners.
CREATE TABLE auth_user (
    username   VARCHAR(100) NOT NULL PRIMARY KEY,
    password   VARCHAR(255) NOT NULL,
    roles      VARCHAR(255) NOT NULL,
    learner_id VARCHAR(64),
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE
);

-- Keys that sign access tokens, as JWK JSON with the private part. Every row is published in the JWK set; the
-- newest active row signs. generation is unique so that two nodes creating the first (or next) key at the same
-- moment cannot both succeed: the loser's insert does nothing and it reads back the winner's key.
CREATE TABLE auth_signing_key (
    key_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    generation INTEGER     NOT NULL UNIQUE,
    jwk        TEXT        NOT NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);
