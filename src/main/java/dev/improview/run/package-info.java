/** Running a candidate's code against a problem's public tests or their own inputs. */
@org.springframework.modulith.ApplicationModule(displayName = "Runs")
package dev.improview.run;
