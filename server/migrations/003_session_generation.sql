-- Which of a user's sessions are still good: every access token carries the generation it was issued
-- under, and a password reset or disabling the user moves it on, so the user's unexpired access tokens
-- are refused at once (checked in the same statement as the device, `activeDeviceSql`). A counter, not
-- a timestamp, so neither clock skew between server processes nor a token issued in the same second
-- as the reset decides it.
ALTER TABLE users ADD COLUMN session_generation integer NOT NULL DEFAULT 0;
