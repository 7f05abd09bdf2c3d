/**
 * The proposal loop 提、交、办、督、评: deputies' proposals from drafting and registration (第N号) to
 * assignment, handling with contact and replies A–D, supervision, evaluation and re-handling.
 */
package org.lianluo.proposal;
