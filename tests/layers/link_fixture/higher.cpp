// The higher layer of the link check's fixture.
int higher_answer() { return 42; }
