// A lower layer that calls up into higher.cpp: check-layer-links.py must reject it.
int higher_answer();
int lower_answer() { return higher_answer() + 1; }
