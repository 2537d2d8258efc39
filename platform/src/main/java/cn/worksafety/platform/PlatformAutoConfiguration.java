package cn.worksafety.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.PropertySource;

/** Brings the shared infrastructure into any service that has this module on its classpath. */
@AutoConfiguration
@ComponentScan
@PropertySource("classpath:platform-defaults.properties")
public class PlatformAutoConfiguration {}
