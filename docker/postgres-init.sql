-- Row-level security needs the application to run as a role that is neither the tables' owner,
-- a superuser nor BYPASSRLS. The owner is POSTGRES_USER (kabar), which runs the migrations.
CREATE ROLE kabar_app LOGIN PASSWORD 'kabar_app' NOSUPERUSER NOBYPASSRLS;
GRANT CONNECT ON DATABASE kabar TO kabar_app;
