-- "user" is a reserved word in PostgreSQL, so it is always quoted.
CREATE TABLE "user" (
  id integer PRIMARY KEY,
  name varchar(50) NOT NULL
);
