package org.demarche.render.pdf.internal;

/**
 * A block entry at its place on a page.
 *
 * @param entry the line or gap
 * @param top its top, in points below the top of the text area
 */
record Placed(Block.Entry entry, float top) {}
