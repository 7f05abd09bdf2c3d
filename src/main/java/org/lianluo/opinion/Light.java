package org.lianluo.opinion;

/** Traffic light: green on time, yellow due within a working day or extended, red overdue. */
public enum Light {
	GREEN, YELLOW, RED
}
