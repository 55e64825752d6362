/**
 * Serving a fresh problem for a category and a difficulty: a generation request, its progress as
 * steps, and where the problem came from. Without an LLM provider it serves a bank problem the user
 * has not tried.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Generation")
package dev.improview.generation;
