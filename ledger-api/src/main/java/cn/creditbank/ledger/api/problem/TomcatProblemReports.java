package cn.creditbank.ledger.api.problem;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Puts {@link ProblemReportValve} in the place of Tomcat's error report valve on the host. Runs after Spring Boot's
 * own customizer, which adds Tomcat's valve (without its report) to the host; the host's valve class is set too, or
 * Tomcat would add its own again when the host starts. Spring MVC's beans are looked up when a report is written:
 * the web server is built before them.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<Problems> problems;
    private final ObjectProvider<LocaleResolver> locales;

    TomcatProblemReports(ObjectProvider<Problems> problems, ObjectProvider<LocaleResolver> locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve(problems, locales));
        });
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }
}
