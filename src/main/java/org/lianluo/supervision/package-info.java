/**
 * The congress's special committees (专门委员会/工作委员会) with their members and fields, and key supervision
 * (重点督办) of opinions and proposals by a leader or a committee: instructions (批示) the handling unit sees,
 * deputies invited to take part (代表全程参与督办), and its conclusion.
 */
package org.lianluo.supervision;
