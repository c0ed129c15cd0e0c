CREATE TABLE post (
  id integer PRIMARY KEY,
  title varchar(100) NOT NULL,
  text text,
  user_id integer NOT NULL REFERENCES "user" (id)
);
