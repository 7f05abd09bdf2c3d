package org.lianluo.opinion;

/** Who rated an opinion's reply: the citizen with the rating key (评价码), or the office on its call-back (回访). */
public enum Rater {
	CITIZEN, FOLLOW_UP
}
