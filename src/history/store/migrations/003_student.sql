-- The student's name, when one was given (--student), printed on the form.
ALTER TABLE attempts ADD COLUMN student TEXT;
