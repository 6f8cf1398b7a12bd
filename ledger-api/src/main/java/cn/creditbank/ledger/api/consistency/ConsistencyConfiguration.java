package cn.creditbank.ledger.api.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration implements WebMvcConfigurer {

    private final LedgerPositions positions;

    ConsistencyConfiguration(LedgerPositions positions) {
        this.positions = positions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReadYourWrites(positions)).addPathPatterns("/api/**");
    }
}
